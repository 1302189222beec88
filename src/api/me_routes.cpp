#include "api/me_routes.h"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "api/authenticate.h"
#include "api/portal_operations.h"
#include "auth/permissions.h"
#include "auth/user_json.h"
#include "customers/customer_repository.h"

namespace ordo::api {
namespace {

void Me(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto principal = RequirePrincipal(ctx, request, respond);
  if (!principal) return;
  nlohmann::json me = auth::ToJson(*principal);
  me["customer"] = nullptr;
  if (principal->customer_id) {
    auto conn = ctx.readers.Borrow();
    if (auto customer = customers::FindCustomerById(*conn, *principal->customer_id)) {
      me["customer"] = customer->code;
    }
  }
  nlohmann::json permissions = nlohmann::json::array();
  for (std::string_view action : auth::KnownActions()) {
    if (auth::Allowed(*principal, action)) permissions.push_back(std::string(action));
  }
  me["permissions"] = std::move(permissions);
  respond(http::Response::Json(200, me));
}

}  // namespace

void AddMeRoutes(http::Router& router, ApiContext& ctx) {
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/me",
                 [&ctx](http::Request& request, http::Responder respond) {
                   Me(ctx, request, std::move(respond));
                 });
}

}  // namespace ordo::api
