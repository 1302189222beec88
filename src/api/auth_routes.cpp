#include "api/auth_routes.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "api/authenticate.h"
#include "api/failure_log.h"
#include "api/portal_operations.h"
#include "api/status_response.h"
#include "auth/user_json.h"

namespace ordo::api {
namespace {

struct Credentials {
  std::string username;
  std::string password;
};

// {"username": "...", "password": "..."} → Credentials, or invalid_argument with field errors.
Result<Credentials> ParseCredentials(const std::string& body) {
  nlohmann::json doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return Status::InvalidArgument(
        "the body must be a JSON object",
        {{"", "malformed_json", "expected {\"username\": ..., \"password\": ...}"}});
  }
  Credentials c;
  std::vector<FieldError> errors;
  for (auto [name, out] : {std::pair{"username", &c.username}, {"password", &c.password}}) {
    auto it = doc.find(name);
    if (it == doc.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
      errors.push_back(
          {name, "required", std::string("a non-empty string ") + name + " is required"});
    } else {
      *out = it->get<std::string>();
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("missing credentials", std::move(errors));
  return c;
}

void IssueToken(ApiContext& ctx, int64_t ttl, http::Request& request, http::Responder respond) {
  auto credentials = ParseCredentials(request.body);
  if (!credentials.ok()) return respond(ProblemFor(credentials.status()));
  std::optional<auth::UserRecord> record = [&] {
    auto conn = ctx.readers.Borrow();
    return auth::FindUserByName(*conn, credentials->username);
  }();
  Result<auth::Principal> user = auth::CheckPassword(record, credentials->password);
  if (!user.ok()) return respond(ProblemFor(user.status()));
  auto issued = std::make_shared<std::optional<auth::IssuedToken>>();
  Timestamp now = ctx.clock.Now();
  ctx.executor.Submit(
      [issued, principal = *user, now, ttl](store::Connection& conn) -> Status {
        auto token = auth::StoreToken(conn, principal, now, ttl);
        if (!token.ok()) return token.status();
        *issued = std::move(token).value();
        return Status::Ok();
      },
      // `request` outlives this callback: it stays alive until `respond` is called.
      [&ctx, &request, issued, respond](const Status& st) {
        if (!st.ok()) return respond(FailureResponse(ctx, request, st));
        const auth::IssuedToken& t = **issued;
        respond(http::Response::Json(200, {{"token", t.token},
                                           {"expires_at", FormatRfc3339(t.expires_at)},
                                           {"user", auth::ToJson(t.user)}}));
      });
}

}  // namespace

void AddAuthRoutes(http::Router& router, ApiContext& ctx, AuthRouteOptions options) {
  router.Add(
      "POST", "/api/v1/auth/token",
      [&ctx, ttl = options.token_ttl_seconds](http::Request& request, http::Responder respond) {
        IssueToken(ctx, ttl, request, std::move(respond));
      });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/auth/me",
                 [&ctx](http::Request& request, http::Responder respond) {
                   auto principal = RequirePrincipal(ctx, request, respond);
                   if (!principal) return;
                   respond(http::Response::Json(200, auth::ToJson(*principal)));
                 });
}

}  // namespace ordo::api
