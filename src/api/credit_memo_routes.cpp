#include "api/credit_memo_routes.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/customer_filter.h"
#include "api/customer_scope.h"
#include "api/pagination.h"
#include "api/pdf_response.h"
#include "api/portal_operations.h"
#include "api/preconditions.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "core/resource_ref.h"
#include "flows/credit_memo_document.h"
#include "flows/credit_memo_settlement.h"
#include "invoicing/credit_memo_repository.h"
#include "requests/credit_memo_request_json.h"
#include "views/credit_memo_view.h"

namespace ordo::api {
namespace {

using nlohmann::json;

// The memo `segment` names (id or number), if `who` may see its customer.
Result<invoicing::CreditMemo> LoadMemoFor(store::Connection& conn, std::string_view segment,
                                          const auth::Principal& who) {
  ResourceRef ref = ParseResourceRef(segment);
  auto m = ref.id ? views::LoadCreditMemo(conn, invoicing::CreditMemoId(*ref.id))
                  : views::LoadCreditMemoByNumber(conn, ref.code);
  if (!m || !MaySeeCustomer(who, m->customer)) {
    return Status::NotFound("no credit memo " + std::string(segment));
  }
  return std::move(*m);
}

http::Response MemoResponse(const invoicing::CreditMemo& m) {
  http::Response r = http::Response::Json(200, invoicing::ToJson(m));
  SetVersionTag(r, m.version);
  return r;
}

constexpr std::array<std::string_view, 4> kListParameters = {"customer", "status", "limit",
                                                             "cursor"};

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "credit_memos.read");
  if (!who) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  std::vector<FieldError> errors;
  CheckListParameters(request, kListParameters, errors);
  invoicing::CreditMemoFilter filter;
  filter.status = QueryEnum(request, "status", invoicing::CreditMemoStatusFromName,
                            "open, applied, refunded", errors);
  if (!errors.empty()) {
    return respond(ProblemFor(
        Status::InvalidArgument("invalid credit memo list parameters", std::move(errors))));
  }
  auto conn = ctx.readers.Borrow();
  CustomerFilter customer = ResolveCustomerFilter(*conn, request, *who);
  filter.customer = customer.customer;
  std::vector<invoicing::CreditMemo> rows;
  if (!customer.matches_nothing) {
    std::optional<invoicing::CreditMemoId> before;
    if (page->after) before = invoicing::CreditMemoId(*page->after);
    rows = views::ListCreditMemos(*conn, filter, before, page->limit + 1);
  }
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& m : rows) {
    json j = invoicing::ToJson(m);
    j.erase("lines");
    j.erase("applications");
    j.erase("refunds");
    items.push_back(std::move(j));
  }
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "credit_memos.read");
  if (!who) return;
  auto m = [&] {
    auto conn = ctx.readers.Borrow();
    return LoadMemoFor(*conn, *request.PathParam("ref"), *who);
  }();
  if (!m.ok()) return respond(ProblemFor(m.status()));
  respond(MemoResponse(*m));
}

// The printed memo, built from what is stored now (no ETag: the memo's version does not cover
// its customer's address or item names).
void ShowPdf(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "credit_memos.read");
  if (!who) return;
  auto document = [&]() -> Result<documents::PrintedDocument> {
    auto conn = ctx.readers.Borrow();
    auto m = LoadMemoFor(*conn, *request.PathParam("ref"), *who);
    if (!m.ok()) return m.status();
    return flows::LoadCreditMemoDocument(*conn, *m);
  }();
  if (!document.ok()) return respond(ProblemFor(document.status()));
  respond(PdfResponse(*document));
}

void Apply(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "credit_memos.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, requests::ParseMemoApplicationsJson,
      [ref = std::string(*request.PathParam("ref")), who = *who](
          store::Connection& conn, const CommandContext& cc,
          const std::vector<flows::MemoApplication>& apps,
          std::optional<int64_t> expected) -> Result<http::Response> {
        auto found = LoadMemoFor(conn, ref, who);
        if (!found.ok()) return found.status();
        auto m = flows::ApplyCreditMemo(conn, cc, found->id, apps, expected);
        if (!m.ok()) return m.status();
        return MemoResponse(*m);
      },
      std::move(respond));
}

void Refund(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "credit_memos.write");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, requests::ParseMemoRefundJson,
      [ref = std::string(*request.PathParam("ref")), who = *who](
          store::Connection& conn, const CommandContext& cc, const flows::MemoRefund& refund,
          std::optional<int64_t> expected) -> Result<http::Response> {
        auto found = LoadMemoFor(conn, ref, who);
        if (!found.ok()) return found.status();
        auto m = flows::RefundCreditMemo(conn, cc, found->id, refund, expected);
        if (!m.ok()) return m.status();
        return MemoResponse(*m);
      },
      std::move(respond));
}

}  // namespace

void AddCreditMemoRoutes(http::Router& router, ApiContext& ctx) {
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/credit-memos",
                 [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/credit-memos/{ref}",
                 [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/credit-memos/{ref}.pdf",
                 [&ctx](http::Request& q, http::Responder r) { ShowPdf(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/credit-memos/{ref}/apply",
             [&ctx](http::Request& q, http::Responder r) { Apply(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/credit-memos/{ref}/refund",
             [&ctx](http::Request& q, http::Responder r) { Refund(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
