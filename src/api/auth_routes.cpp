#include "api/auth_routes.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>
#include <vector>

#include "api/api_key_routes.h"
#include "api/authenticate.h"
#include "api/failure_log.h"
#include "api/json_body.h"
#include "api/login_guard.h"
#include "api/portal_operations.h"
#include "api/status_response.h"
#include "api/user_credential_routes.h"
#include "api/user_routes.h"
#include "auth/api_keys.h"
#include "auth/credential_commands.h"
#include "auth/password_policy.h"
#include "auth/user_json.h"
#include "core/text_limits.h"
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
  for (auto [name, out, limit] : {std::tuple{"username", &c.username, text_limits::kUsername},
                                  std::tuple{"password", &c.password, text_limits::kPassword}}) {
    const size_t before = errors.size();
    *out = r.String(*doc, name, name, limit, true);
    if (errors.size() == before && out->empty()) {
      r.Fail(name, "required", std::string("a non-empty string ") + name + " is required");
    }
  }
  if (!errors.empty())
    return Status::InvalidArgument("invalid credentials body", std::move(errors));
  return c;
}

void IssueToken(ApiContext& ctx, auth::LoginThrottle& throttle, int64_t ttl, http::Request& request,
                http::Responder respond) {
  if (auto refused = RefuseNonJsonBody(request)) return respond(std::move(*refused));
  auto credentials = ParseCredentials(request.body);
  if (!credentials.ok()) return respond(ProblemFor(credentials.status()));
  Timestamp now = ctx.clock.Now();
  // A locked-out username or address checks no password: a right one is refused like a wrong
  // one, and an unknown username is locked out like a real one.
  if (RefuseWhileLockedOut(throttle, credentials->username, ClientAddress(request.remote_address),
                           now, respond)) {
    return;
  }
  std::optional<auth::UserRecord> record = [&] {
    auto conn = ctx.readers.Borrow();
    return auth::FindUserByName(*conn, credentials->username);
  }();
  Result<auth::Principal> user = auth::CheckPassword(record, credentials->password);
  if (!user.ok()) {
    std::optional<int64_t> user_id;
    if (record) user_id = record->principal.user_id;
    return RefuseLogin(ctx, throttle, request, credentials->username, user_id, now,
                       ProblemFor(user.status()), std::move(respond));
  }
  throttle.RecordSuccess(credentials->username);
  auto issued = std::make_shared<std::optional<auth::IssuedToken>>();
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

// DELETE /api/v1/auth/token: the token the request carries is revoked.
void Logout(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto principal = RequirePrincipal(ctx, request, respond);
  if (!principal) return;
  std::string credential(*BearerCredential(request));
  if (credential.starts_with(auth::kApiKeyPrefix)) {
    return respond(ProblemFor(Status::InvalidArgument(
        "an API key is not logged out; an admin revokes it with DELETE /api/v1/api-keys/{id}",
        {{"Authorization", "api_key", "logout ends a token from POST /api/v1/auth/token"}})));
  }
  ctx.executor.Submit(
      [credential](store::Connection& conn) {
        auth::RevokeToken(conn, credential);  // not_found: revoked meanwhile, which is the aim
        return Status::Ok();
      },
      [respond](const Status& st) {
        if (!st.ok()) return respond(ProblemFor(st));
        respond(http::Response{204, {}, ""});
      });
}

struct PasswordChange {
  std::string current_password;
  std::string new_password;
};

Result<PasswordChange> ParsePasswordChange(const std::string& body) {
  auto doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"current_password", "new_password"}, "");
  PasswordChange change{
      r.String(*doc, "current_password", "current_password", text_limits::kPassword, true),
      r.String(*doc, "new_password", "new_password", text_limits::kPassword, true)};
  if (errors.empty()) {
    if (auto weak = auth::PasswordPolicyError(change.new_password, "new_password")) {
      errors.push_back(*weak);
    }
  }
  if (!errors.empty()) return auth::FieldErrorsStatus("the password change is invalid", errors);
  return change;
}

// POST /api/v1/auth/password: the caller's own password, given the current one. Every token of
// the user (the one used included) is revoked.
void ChangeOwnPassword(ApiContext& ctx, auth::LoginThrottle& throttle, http::Request& request,
                       http::Responder respond) {
  auto principal = RequirePrincipal(ctx, request, respond);
  if (!principal) return;
  if (auto refused = RefuseNonJsonBody(request)) return respond(std::move(*refused));
  auto change = ParsePasswordChange(request.body);
  if (!change.ok()) return respond(ProblemFor(change.status()));
  Timestamp now = ctx.clock.Now();
  // The current password is a guess like a login's: the same throttle counts it.
  if (RefuseWhileLockedOut(throttle, principal->username, ClientAddress(request.remote_address),
                           now, respond)) {
    return;
  }
  std::optional<auth::UserRecord> record = [&] {
    auto conn = ctx.readers.Borrow();
    return auth::FindUserById(*conn, principal->user_id);
  }();
  if (!record || !auth::VerifyPassword(change->current_password, record->password_hash)) {
    Status wrong(ErrorCode::kForbidden, "the current password is not right",
                 {{"current_password", "incorrect", "the current password is not right"}});
    return RefuseLogin(ctx, throttle, request, principal->username, principal->user_id, now,
                       ProblemFor(wrong), std::move(respond));
  }
  throttle.RecordSuccess(principal->username);
  std::string hash = auth::HashPassword(change->new_password);
  CommandContext cmd{principal->Actor(), request.request_id, now};
  ctx.executor.Submit(
      [cmd, user_id = principal->user_id, hash](store::Connection& conn) {
        return auth::StorePassword(conn, cmd, user_id, hash, "user.password_change");
      },
      [respond](const Status& st) {
        if (!st.ok()) return respond(ProblemFor(st));
        respond(http::Response{204, {}, ""});
      });
}

}  // namespace

void AddAuthRoutes(http::Router& router, ApiContext& ctx, AuthRouteOptions options) {
  // One throttle for the routes of this router, kept as long as they are (login_throttle.h).
  auto throttle = std::make_shared<auth::LoginThrottle>(options.throttle);
  router.Add("POST", "/api/v1/auth/token",
             [&ctx, throttle, ttl = options.token_ttl_seconds](http::Request& request,
                                                               http::Responder respond) {
               IssueToken(ctx, *throttle, ttl, request, std::move(respond));
             });
  // Logout and the own password change are portal operations: they touch only the user's own
  // credentials, whatever customer it acts for.
  AddPortalRoute(router, ctx.portal, "DELETE", "/api/v1/auth/token",
                 [&ctx](http::Request& request, http::Responder respond) {
                   Logout(ctx, request, std::move(respond));
                 });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/auth/me",
                 [&ctx](http::Request& request, http::Responder respond) {
                   auto principal = RequirePrincipal(ctx, request, respond);
                   if (!principal) return;
                   respond(http::Response::Json(200, auth::ToJson(*principal)));
                 });
  AddPortalRoute(router, ctx.portal, "POST", "/api/v1/auth/password",
                 [&ctx, throttle](http::Request& request, http::Responder respond) {
                   ChangeOwnPassword(ctx, *throttle, request, std::move(respond));
                 });
  AddUserCredentialRoutes(router, ctx);
  AddUserRoutes(router, ctx);
  AddApiKeyRoutes(router, ctx);
}

}  // namespace ordo::api
