#include "api/return_routes.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/customer_filter.h"
#include "api/customer_scope.h"
#include "api/order_resource.h"
#include "api/pagination.h"
#include "api/portal_operations.h"
#include "api/portal_redaction.h"
#include "api/preconditions.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "api/versioned_write.h"
#include "api/write_route.h"
#include "core/resource_ref.h"
#include "flows/return_authorization.h"
#include "flows/return_receipt.h"
#include "invoicing/credit_memo.h"
#include "invoicing/invoice_repository.h"
#include "requests/return_request_json.h"
#include "returns/return_repository.h"
#include "views/return_view.h"

namespace ordo::api {
namespace {

using nlohmann::json;

// The RMA `segment` names (id or number), if `who` may see its customer.
Result<returns::Rma> LoadReturnFor(store::Connection& conn, std::string_view segment,
                                   const auth::Principal& who) {
  ResourceRef ref = ParseResourceRef(segment);
  auto r = ref.id ? views::LoadReturn(conn, returns::ReturnId(*ref.id))
                  : views::LoadReturnByNumber(conn, ref.code);
  if (!r || !MaySeeCustomer(who, r->customer)) {
    return Status::NotFound("no return " + std::string(segment));
  }
  return std::move(*r);
}

http::Response ReturnResponse(int status, json body, int64_t version) {
  http::Response r = http::Response::Json(status, body);
  SetVersionTag(r, version);
  return r;
}

void Create(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "returns.write");
  if (!who) return;
  auto parsed = requests::ParseReturnRequestJson(request.body);
  if (!parsed.ok()) return respond(ProblemFor(parsed.status()));
  RunWrite(
      ctx, request, *who,
      [req = std::move(parsed).value(), who = *who](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        OrderId order;
        std::optional<invoicing::InvoiceId> invoice;
        if (!req.invoice.empty()) {
          auto v = invoicing::FindInvoiceByRef(conn, req.invoice);
          if (!v || !MaySeeCustomer(who, v->customer)) {
            return Status::NotFound("no invoice " + req.invoice);
          }
          order = v->order;
          invoice = v->id;
        } else {
          auto key = FindOrderFor(conn, req.order, who);
          if (!key.ok()) return key.status();
          order = key->id;
        }
        auto rma = flows::AuthorizeReturn(conn, cc, order, invoice, req.lines);
        if (!rma.ok()) return rma.status();
        http::Response response = ReturnResponse(201, returns::ToJson(*rma), rma->version);
        response.SetHeader("Location", "/api/v1/returns/" + std::to_string(rma->id.value()));
        return ForPortal(who, PortalDocument::kReturn, std::move(response));
      },
      std::move(respond));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "returns.read");
  if (!who) return;
  respond = ForPortal(*who, PortalDocument::kReturn, std::move(respond));
  auto r = [&] {
    auto conn = ctx.readers.Borrow();
    return LoadReturnFor(*conn, *request.PathParam("ref"), *who);
  }();
  if (!r.ok()) return respond(ProblemFor(r.status()));
  respond(ReturnResponse(200, returns::ToJson(*r), r->version));
}

constexpr std::array<std::string_view, 5> kListParameters = {"customer", "status", "order", "limit",
                                                             "cursor"};

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "returns.read");
  if (!who) return;
  respond = ForPortal(*who, PortalDocument::kReturnList, std::move(respond));
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  std::vector<FieldError> errors;
  CheckListParameters(request, kListParameters, errors);
  returns::ReturnFilter filter;
  filter.status =
      QueryEnum(request, "status", returns::StatusFromName, "authorized, received, closed", errors);
  if (!errors.empty()) {
    return respond(
        ProblemFor(Status::InvalidArgument("invalid return list parameters", std::move(errors))));
  }
  auto conn = ctx.readers.Borrow();
  OrderFilter order = ResolveOrderFilter(*conn, request, *who);
  filter.order = order.order;
  bool matches_nothing = order.matches_nothing;
  CustomerFilter customer = ResolveCustomerFilter(*conn, request, *who);
  filter.customer = customer.customer;
  std::vector<returns::Rma> rows;
  if (!matches_nothing && !customer.matches_nothing) {
    std::optional<returns::ReturnId> before;
    if (page->after) before = returns::ReturnId(*page->after);
    rows = views::ListReturns(*conn, filter, before, page->limit + 1);
  }
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& r : rows) {
    json j = returns::ToJson(r);
    j.erase("receipts");
    items.push_back(std::move(j));
  }
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

void Receive(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "returns.receive");
  if (!who) return;
  RunVersionedWrite(
      ctx, request, *who, requests::ParseReturnReceiptJson,
      [ref = std::string(*request.PathParam("ref")), who = *who](
          store::Connection& conn, const CommandContext& cc, const flows::ReturnReceiptRequest& req,
          std::optional<int64_t> expected) -> Result<http::Response> {
        auto found = LoadReturnFor(conn, ref, who);
        if (!found.ok()) return found.status();
        auto done = flows::ReceiveReturn(conn, cc, found->id, req, expected);
        if (!done.ok()) return done.status();
        json body = returns::ToJson(done->rma);
        body["credit_memo"] = invoicing::ToJson(done->credit_memo);
        return ReturnResponse(200, std::move(body), done->rma.version);
      },
      std::move(respond));
}

}  // namespace

void AddReturnRoutes(http::Router& router, ApiContext& ctx) {
  AddPortalRoute(router, ctx.portal, "POST", "/api/v1/returns",
                 [&ctx](http::Request& q, http::Responder r) { Create(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/returns",
                 [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/returns/{ref}",
                 [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/returns/{ref}/receive",
             [&ctx](http::Request& q, http::Responder r) { Receive(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
