#include "api/user_credential_routes.h"

#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/json_body.h"
#include "api/status_response.h"
#include "auth/credential_commands.h"
#include "auth/password_policy.h"
#include "auth/user_commands.h"
#include "core/text_limits.h"
#include "jsonio/field_reader.h"

namespace ordo::api {
namespace {

// The user the route's {ref} names, or nullopt after answering 404.
std::optional<auth::UserRecord> UserOfPath(ApiContext& ctx, const http::Request& request,
                                           const http::Responder& respond) {
  std::string ref(request.PathParam("ref").value_or(""));
  auto user = [&] {
    auto conn = ctx.readers.Borrow();
    return auth::FindUserByRef(*conn, ref);
  }();
  if (!user) respond(ProblemFor(Status::NotFound("no user " + ref)));
  return user;
}

Result<std::string> ParseNewPassword(const std::string& body) {
  auto doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"new_password"}, "");
  std::string password =
      r.String(*doc, "new_password", "new_password", text_limits::kPassword, true);
  if (errors.empty()) {
    if (auto weak = auth::PasswordPolicyError(password, "new_password")) errors.push_back(*weak);
  }
  if (!errors.empty()) return auth::FieldErrorsStatus("the password reset is invalid", errors);
  return password;
}

void Answer204(const http::Responder& respond, const Status& st) {
  if (!st.ok()) return respond(ProblemFor(st));
  respond(http::Response{204, {}, ""});
}

void ResetPassword(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto admin = RequirePermission(ctx, request, respond, "users.write");
  if (!admin) return;
  if (auto refused = RefuseNonJsonBody(request)) return respond(std::move(*refused));
  auto password = ParseNewPassword(request.body);
  if (!password.ok()) return respond(ProblemFor(password.status()));
  auto user = UserOfPath(ctx, request, respond);
  if (!user) return;
  std::string hash = auth::HashPassword(*password);
  CommandContext cmd{admin->Actor(), request.request_id, ctx.clock.Now()};
  ctx.executor.Submit(
      [cmd, user_id = user->principal.user_id, hash](store::Connection& conn) {
        return auth::StorePassword(conn, cmd, user_id, hash, "user.password_reset");
      },
      [respond](const Status& st) { Answer204(respond, st); });
}

void Disable(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto admin = RequirePermission(ctx, request, respond, "users.write");
  if (!admin) return;
  // No body is read, but one that is sent must be JSON like any other (json_body.h).
  if (auto refused = RefuseNonJsonBody(request)) return respond(std::move(*refused));
  auto user = UserOfPath(ctx, request, respond);
  if (!user) return;
  CommandContext cmd{admin->Actor(), request.request_id, ctx.clock.Now()};
  ctx.executor.Submit(
      [cmd, user_id = user->principal.user_id, acting = admin->user_id](store::Connection& conn) {
        return auth::DisableUser(conn, cmd, user_id, acting);
      },
      [respond](const Status& st) { Answer204(respond, st); });
}

}  // namespace

void AddUserCredentialRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/users/{ref}/password",
             [&ctx](http::Request& request, http::Responder respond) {
               ResetPassword(ctx, request, std::move(respond));
             });
  router.Add("POST", "/api/v1/users/{ref}/disable",
             [&ctx](http::Request& request, http::Responder respond) {
               Disable(ctx, request, std::move(respond));
             });
}

}  // namespace ordo::api
