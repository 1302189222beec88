#include "api/openapi_routes.h"

#include <string>

#include "api/authenticate.h"
#include "api/portal_operations.h"

namespace ordo::api {

void AddOpenApiRoutes(http::Router& router, ApiContext& ctx) {
  AddPortalRoute(
      router, ctx.portal, "GET", "/api/v1/openapi.json",
      [&ctx](http::Request& request, http::Responder respond) {
        if (!RequirePrincipal(ctx, request, respond)) return;
        respond(http::Response::Text(200, std::string(OpenApiDocument()), "application/json"));
      });
}

}  // namespace ordo::api
