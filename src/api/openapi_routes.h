// The API's own description: GET /api/v1/openapi.json → 200 the OpenAPI 3.1 document of every
// route (application/json), for any authenticated user; 401 unauthenticated otherwise, as for
// every route but /healthz, /readyz and the token endpoint (docs/api.md).
//
// The document is src/api/openapi/openapi.json, built into the binary (cmake/EmbedFile.cmake),
// so the server never reads it from a path at run time. tests/api/openapi_test.cpp checks that
// its paths are exactly the routes AddApiRoutes registers; scripts/lint-openapi.sh validates it.
#pragma once

#include <string_view>

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

// The embedded document's bytes; valid for the program's lifetime. Thread-safe.
std::string_view OpenApiDocument();

void AddOpenApiRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
