#include "api/approval_routes.h"

#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/pagination.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "api/write_route.h"
#include "approvals/approval_repository.h"
#include "approvals/approval_rule.h"
#include "auth/permissions.h"
#include "core/text_limits.h"
#include "flows/approval_decisions.h"
#include "jsonio/field_reader.h"
#include "views/approval_view.h"

namespace ordo::api {
namespace {

using nlohmann::json;

constexpr std::string_view kHoldKinds[] = {"approval", "pricing", "credit"};

std::string DecidePermission(std::string_view kind) {
  return "approvals.decide_" + std::string(kind);
}

Result<approvals::ApprovalFilter> ParseFilter(const http::Request& request,
                                              const auth::Principal& who) {
  static constexpr std::string_view kKnown[] = {"kind", "status", "limit", "cursor"};
  std::vector<FieldError> errors;
  CheckListParameters(request, kKnown, errors);
  approvals::ApprovalFilter filter;
  if (auto kind = NonEmptyQuery(request, "kind")) {
    if (!approvals::IsHoldKind(*kind)) {
      errors.push_back(
          {"kind", "invalid_value", "kind is one of " + std::string(approvals::kHoldKindChoices)});
    }
    filter.kinds.push_back(*kind);
  } else {
    for (auto k : kHoldKinds) {
      if (auth::Allowed(who, DecidePermission(k))) filter.kinds.emplace_back(k);
    }
    if (filter.kinds.size() == std::size(kHoldKinds)) filter.kinds.clear();  // every kind
  }
  filter.status =
      QueryEnum(request, "status", approvals::StatusFromName, approvals::kStatusChoices, errors);
  if (!errors.empty()) return Status::InvalidArgument("invalid parameters", std::move(errors));
  return filter;
}

Result<int64_t> ParseId(std::string_view text) {
  int64_t id = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || id > (INT64_MAX - 9) / 10) return Status::NotFound("no approval");
    id = id * 10 + (c - '0');
  }
  if (text.empty() || id == 0) return Status::NotFound("no approval");
  return id;
}

// {"note"}: optional for an approval, required for a rejection; an empty body is {}.
Result<std::string> ParseNote(const std::string& body, bool required) {
  Result<json> doc = jsonio::ParseJsonObject(body.empty() ? std::string_view("{}") : body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"note"}, "");
  std::string note = r.String(*doc, "note", "note", text_limits::kApprovalNote, required);
  if (!errors.empty()) return Status::InvalidArgument("invalid request body", std::move(errors));
  return note;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "approvals.read");
  if (!who) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto filter = ParseFilter(request, *who);
  if (!filter.ok()) return respond(ProblemFor(filter.status()));
  json items;
  std::optional<int64_t> next;
  {
    auto conn = ctx.readers.Borrow();
    auto rows = approvals::ListApprovals(*conn, *filter, page->after.value_or(0), page->limit + 1);
    next = TrimToPage(rows, page->limit);
    items = views::ApprovalsJson(*conn, rows);
  }
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "approvals.read")) return;
  auto id = ParseId(*request.PathParam("id"));
  if (!id.ok()) return respond(ProblemFor(id.status()));
  std::optional<json> found;
  {
    auto conn = ctx.readers.Borrow();
    if (auto a = approvals::FindApproval(*conn, *id)) found = views::ApprovalJson(*conn, *a);
  }
  if (!found) return respond(ProblemFor(Status::NotFound("no approval " + std::to_string(*id))));
  respond(http::Response::Json(200, *found));
}

void Decide(ApiContext& ctx, http::Request& request, http::Responder respond, bool approve) {
  auto who = RequireWrite(ctx, request, respond, "approvals.read");
  if (!who) return;
  auto id = ParseId(*request.PathParam("id"));
  if (!id.ok()) return respond(ProblemFor(id.status()));
  auto note = ParseNote(request.body, !approve);
  if (!note.ok()) return respond(ProblemFor(note.status()));
  RunWrite(
      ctx, request, *who,
      [id = *id, note = std::move(note).value(), who = *who, approve](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        // The kind decides who may decide: read on the writer, so it cannot change meanwhile.
        auto found = approvals::FindApproval(conn, id);
        if (!found) return Status::NotFound("no approval " + std::to_string(id));
        if (!auth::Allowed(who, DecidePermission(found->kind))) {
          return Status(ErrorCode::kForbidden,
                        "this user may not decide on " + found->kind + " holds");
        }
        auto decided = approve ? flows::ApproveApproval(conn, cc, id, note)
                               : flows::RejectApproval(conn, cc, id, note);
        if (!decided.ok()) return decided.status();
        return http::Response::Json(200, views::ApprovalJson(conn, decided->approval));
      },
      std::move(respond));
}

}  // namespace

void AddApprovalRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/approvals",
             [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/approvals/{id}",
             [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/approvals/{id}/approve",
             [&ctx](http::Request& q, http::Responder r) { Decide(ctx, q, std::move(r), true); });
  router.Add("POST", "/api/v1/approvals/{id}/reject",
             [&ctx](http::Request& q, http::Responder r) { Decide(ctx, q, std::move(r), false); });
}

}  // namespace ordo::api
