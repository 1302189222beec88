#include "api/authenticate.h"

#include <string>

#include "api/status_response.h"
#include "auth/api_keys.h"
#include "auth/permissions.h"
#include "auth/tokens.h"

namespace ordo::api {
namespace {

// The one rule of customer scope (portal_operations.h): a principal bound to a customer reaches
// only the portal's operations, and there with the customer role's permissions alone, whatever
// other roles it holds (an EDI user of the customer may also be an integration user; an account
// given staff roles by mistake gains nothing from them).
Result<auth::Principal> ScopeToCustomer(const PortalOperations& portal,
                                        const http::Request& request, auth::Principal who) {
  if (!who.customer_id) return who;
  if (!portal.Allows(request.method, request.route)) {
    return Status::Forbidden("a customer's user may use only the customer portal's operations");
  }
  bool is_customer = who.HasRole(auth::Role::kCustomer);
  who.roles.clear();
  if (is_customer) who.roles.push_back(auth::Role::kCustomer);
  return who;
}

}  // namespace

std::optional<std::string_view> BearerCredential(const http::Request& request) {
  auto header = request.Header("Authorization");
  if (!header) return std::nullopt;
  std::string_view value = *header;
  constexpr std::string_view kScheme = "Bearer ";
  if (value.size() <= kScheme.size() ||
      !http::EqualsIgnoreCase(value.substr(0, kScheme.size()), kScheme)) {
    return std::nullopt;
  }
  value.remove_prefix(kScheme.size());
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  return value;
}

Result<auth::Principal> AuthenticateRequest(ApiContext& ctx, const http::Request& request) {
  auto credential = BearerCredential(request);
  if (!credential) {
    return Status(ErrorCode::kUnauthenticated, "an Authorization: Bearer credential is required");
  }
  Timestamp now = ctx.clock.Now();
  auto authenticated = [&] {
    auto conn = ctx.readers.Borrow();
    return auth::AuthenticateBearer(*conn, *credential, now);
  }();
  if (!authenticated.ok()) return authenticated.status();
  if (auto key = authenticated->api_key_to_record) {
    // At most once a minute per key (api_keys.h); the request does not wait for it.
    ctx.executor.Submit(
        [key = *key, now](store::Connection& conn) {
          auth::RecordApiKeyUse(conn, key, now);
          return Status::Ok();
        },
        [](const Status&) {});
  }
  return ScopeToCustomer(ctx.portal, request, std::move(authenticated->principal));
}

std::optional<auth::Principal> RequirePrincipal(ApiContext& ctx, const http::Request& request,
                                                const http::Responder& respond) {
  auto principal = AuthenticateRequest(ctx, request);
  if (principal.ok()) return std::move(principal).value();
  http::Response response = ProblemFor(principal.status());
  if (principal.status().code() == ErrorCode::kUnauthenticated) {
    response.SetHeader("WWW-Authenticate",
                       BearerCredential(request) ? "Bearer error=\"invalid_token\"" : "Bearer");
  }
  respond(std::move(response));
  return std::nullopt;
}

std::optional<auth::Principal> RequirePermission(ApiContext& ctx, const http::Request& request,
                                                 const http::Responder& respond,
                                                 std::string_view action) {
  auto principal = RequirePrincipal(ctx, request, respond);
  if (!principal) return std::nullopt;
  if (!auth::Allowed(*principal, action)) {
    respond(ProblemFor(Status::Forbidden("this user may not " + std::string(action))));
    return std::nullopt;
  }
  return principal;
}

}  // namespace ordo::api
