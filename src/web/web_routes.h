// The web application at `/`: GET / answers index.html, GET /assets/{name} the script and
// stylesheet. The application routes with the location's hash (#/orders), so no other path
// is the server's concern.
//
// Caching: index.html is revalidated on every load (no-cache with an ETag), the assets carry
// a content hash in their name and are cached for a year (immutable). A client that accepts
// gzip gets the bytes compressed at build time (Vary: Accept-Encoding). Every answer carries
// the application's content security policy: its own origin only, for scripts, styles,
// connections and images; nothing framed, no base URI, forms only to itself.
#pragma once

#include "http/router.h"

namespace ordo::web {

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

void AddWebRoutes(http::Router& router);

}  // namespace ordo::web
