#include "api/user_routes.h"

#include <nlohmann/json.hpp>
#include <string>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "api/user_request_json.h"
#include "api/write_route.h"
#include "auth/password.h"
#include "auth/user_json.h"
#include "auth/user_list.h"

namespace ordo::api {
namespace {

using nlohmann::json;

Status NoUser(const std::string& ref) {
  return Status::NotFound("no user " + ref);
}

std::string RefOf(const http::Request& request) {
  return std::string(request.PathParam("ref").value_or(""));
}

Result<auth::UserFilter> ParseFilter(const http::Request& request) {
  auth::UserFilter filter;
  std::vector<FieldError> errors;
  filter.role =
      QueryEnum(request, "role", auth::ParseRole,
                "admin, sales, sales_manager, warehouse, ar_clerk, customer, integration", errors);
  if (!errors.empty()) return Status::InvalidArgument("invalid filter", errors);
  auto disabled = QueryBool(request, "disabled");
  if (!disabled.ok()) return disabled.status();
  if (*disabled) filter.active = !**disabled;
  return filter;
}

// The user as it now stands on `conn`, with `status`.
Result<http::Response> UserResponse(store::Connection& conn, int status, int64_t user_id) {
  auto user = auth::FindUserSummary(conn, user_id);
  if (!user) return Status::NotFound("no user " + std::to_string(user_id));
  return http::Response::Json(status, auth::ToJson(*user));
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "users.read");
  if (!who) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto filter = ParseFilter(request);
  if (!filter.ok()) return respond(ProblemFor(filter.status()));
  auto rows = [&] {
    auto conn = ctx.readers.Borrow();
    return auth::ListUsers(*conn, *filter, page->after.value_or(0), page->limit + 1);
  }();
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& u : rows) items.push_back(auth::ToJson(u));
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "users.read");
  if (!who) return;
  std::string ref = RefOf(request);
  auto answer = [&]() -> Result<http::Response> {
    auto conn = ctx.readers.Borrow();
    auto user = auth::FindUserByRef(*conn, ref);
    if (!user) return NoUser(ref);
    return UserResponse(*conn, 200, user->principal.user_id);
  }();
  respond(answer.ok() ? std::move(answer).value() : ProblemFor(answer.status()));
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto admin = RequireWrite(ctx, request, respond, "users.write");
  if (!admin) return;
  auto in = ParseNewUserJson(request.body);
  if (!in.ok()) return respond(ProblemFor(in.status()));
  // Every check first, on a read connection: argon2 runs only for a user that can be made.
  Status checked = [&] {
    auto conn = ctx.readers.Borrow();
    return auth::CheckNewUser(*conn, *in);
  }();
  if (!checked.ok()) return respond(ProblemFor(checked));
  std::string hash = auth::HashPassword(in->password);
  in->password.clear();  // the command holds the hash only
  RunWrite(
      ctx, request, *admin,
      [user = std::move(in).value(), hash = std::move(hash)](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        auto created = auth::InsertUser(conn, cc, user, hash);
        if (!created.ok()) return created.status();
        auto r = UserResponse(conn, 201, created->user_id);
        if (r.ok()) r->SetHeader("Location", "/api/v1/users/" + std::to_string(created->user_id));
        return r;
      },
      std::move(respond));
}

void Patch(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto admin = RequireWrite(ctx, request, respond, "users.write");
  if (!admin) return;
  auto patch = ParseUserPatchJson(request.body);
  if (!patch.ok()) return respond(ProblemFor(patch.status()));
  RunWrite(
      ctx, request, *admin,
      [ref = RefOf(request), patch = std::move(patch).value(), acting = admin->user_id](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        // Resolved on the writer, so the name is that of the user the change is applied to.
        auto user = auth::FindUserByRef(conn, ref);
        if (!user) return NoUser(ref);
        auto updated = auth::UpdateUser(conn, cc, user->principal.user_id, patch, acting);
        if (!updated.ok()) return updated.status();
        return UserResponse(conn, 200, user->principal.user_id);
      },
      std::move(respond));
}

}  // namespace

void AddUserRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/users",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/users",
             [&ctx](http::Request& q, http::Responder r) { Create(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/users/{ref}",
             [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  router.Add("PATCH", "/api/v1/users/{ref}",
             [&ctx](http::Request& q, http::Responder r) { Patch(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
