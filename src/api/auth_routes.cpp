#include "api/auth_routes.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "api/authenticate.h"
#include "api/json_body.h"
#include "api/status_response.h"
#include "auth/user_json.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

struct Credentials {
  std::string username;
  std::string password;
};

// {"username": "...", "password": "..."} → Credentials, or invalid_argument with field errors.
// Read like every other body (jsonio::ParseJsonObject: nesting limit, duplicate keys, exact
// numbers; FieldReader: null is absent, unknown fields refused), so that the one route open to
// anyone is held to the same rules.
Result<Credentials> ParseCredentials(const std::string& body) {
  Result<nlohmann::json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  Credentials c;
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"username", "password"}, "");
  for (auto [name, out] : {std::pair{"username", &c.username}, {"password", &c.password}}) {
    const size_t before = errors.size();
    *out = r.String(*doc, name, name, true);
    if (errors.size() == before && out->empty()) {
      r.Fail(name, "required", std::string("a non-empty string ") + name + " is required");
    }
  }
  if (!errors.empty())
    return Status::InvalidArgument("invalid credentials body", std::move(errors));
  return c;
}

void IssueToken(ApiContext& ctx, int64_t ttl, http::Request& request, http::Responder respond) {
  if (auto refused = RefuseNonJsonBody(request)) return respond(std::move(*refused));
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
      [issued, respond](const Status& st) {
        if (!st.ok()) return respond(ProblemFor(st));
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
  router.Add("GET", "/api/v1/auth/me", [&ctx](http::Request& request, http::Responder respond) {
    auto principal = RequirePrincipal(ctx, request, respond);
    if (!principal) return;
    respond(http::Response::Json(200, auth::ToJson(*principal)));
  });
}

}  // namespace ordo::api
