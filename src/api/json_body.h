// The media type of request bodies: every body the API reads is JSON and must say so.
//
// A body sent as text/plain, form-encoded or without a Content-Type is refused with 415
// unsupported_media_type before anything reads it, so a browser form (which cannot send
// application/json across origins without a preflight) never reaches a write, and a client's
// mistake is named instead of guessed at. `application/json` is accepted with parameters
// (`application/json; charset=utf-8`) and in any letter case. A request without a body
// (Content-Length 0) needs no type: routes whose body is optional take it as {}.
//
// Called in one place for every route that reads a body: RequireWrite (write_route.h), which
// every write handler calls first, the token route, the one body read without a principal, and
// the price quote (price_quote_routes.h), a read that takes its question as a body.
#pragma once

#include <optional>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace ordo::api {

// Whether a Content-Type value names application/json (parameters ignored).
bool IsJsonMediaType(std::string_view content_type);

// The 415 problem for a request whose non-empty body is not declared as JSON; nullopt when
// the body may be read.
std::optional<http::Response> RefuseNonJsonBody(const http::Request& request);

}  // namespace ordo::api
