#include "api/invoice_routes.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/customer_filter.h"
#include "api/customer_scope.h"
#include "api/order_resource.h"
#include "api/pagination.h"
#include "api/pdf_response.h"
#include "api/portal_operations.h"
#include "api/preconditions.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "api/write_route.h"
#include "flows/invoice_document.h"
#include "invoicing/invoice_repository.h"
#include "invoicing/tax_rates.h"
#include "jsonio/field_reader.h"
#include "ledger/trial_balance.h"
#include "views/invoice_view.h"

namespace ordo::api {
namespace {

using nlohmann::json;

// The invoice `segment` names (id or number), if `who` may see its customer.
Result<invoicing::Invoice> LoadInvoiceFor(store::Connection& conn, std::string_view segment,
                                          const auth::Principal& who) {
  auto v = views::FindInvoiceByRef(conn, segment);
  if (!v || !MaySeeCustomer(who, v->customer)) {
    return Status::NotFound("no invoice " + std::string(segment));
  }
  return std::move(*v);
}

json SummaryJson(const invoicing::Invoice& v) {
  json j = invoicing::ToJson(v);
  j.erase("lines");
  return j;
}

constexpr std::array<std::string_view, 5> kListParameters = {"customer", "status", "order", "limit",
                                                             "cursor"};

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "invoices.read");
  if (!who) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  std::vector<FieldError> errors;
  CheckListParameters(request, kListParameters, errors);
  invoicing::InvoiceFilter filter;
  filter.status =
      QueryEnum(request, "status", invoicing::StatusFromName, "open, paid, void", errors);
  auto conn = ctx.readers.Borrow();
  OrderFilter order = ResolveOrderFilter(*conn, request, *who);
  filter.order = order.order;
  bool matches_nothing = order.matches_nothing;
  if (!errors.empty()) {
    return respond(
        ProblemFor(Status::InvalidArgument("invalid invoice list parameters", std::move(errors))));
  }
  CustomerFilter customer = ResolveCustomerFilter(*conn, request, *who);
  filter.customer = customer.customer;
  std::vector<invoicing::Invoice> rows;
  if (!matches_nothing && !customer.matches_nothing) {
    std::optional<invoicing::InvoiceId> before;
    if (page->after) before = invoicing::InvoiceId(*page->after);
    rows = views::ListInvoices(*conn, filter, before, page->limit + 1);
  }
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  json items = json::array();
  for (const auto& v : rows) items.push_back(SummaryJson(v));
  respond(http::Response::Json(200, PageJson(std::move(items), next)));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "invoices.read");
  if (!who) return;
  auto v = [&] {
    auto conn = ctx.readers.Borrow();
    return LoadInvoiceFor(*conn, *request.PathParam("ref"), *who);
  }();
  if (!v.ok()) return respond(ProblemFor(v.status()));
  http::Response r = http::Response::Json(200, invoicing::ToJson(*v));
  SetVersionTag(r, v->version);
  respond(std::move(r));
}

// The printed invoice, built from what is stored now (so no ETag: the invoice's version does
// not cover its customer's addresses or item names).
void ShowPdf(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "invoices.read");
  if (!who) return;
  auto document = [&]() -> Result<documents::PrintedDocument> {
    auto conn = ctx.readers.Borrow();
    auto v = LoadInvoiceFor(*conn, *request.PathParam("ref"), *who);
    if (!v.ok()) return v.status();
    return flows::LoadInvoiceDocument(*conn, *v);
  }();
  if (!document.ok()) return respond(ProblemFor(document.status()));
  respond(PdfResponse(*document));
}

json TaxRateJson(const invoicing::TaxRate& t) {
  return {{"region", t.region},
          {"tax_class", t.tax_class},
          {"rate_percent", invoicing::FormatRatePercent(t.rate_ppm)}};
}

void ListTaxRates(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "tax_rates.read")) return;
  json items = json::array();
  {
    auto conn = ctx.readers.Borrow();
    for (const auto& t : invoicing::ListTaxRates(*conn)) items.push_back(TaxRateJson(t));
  }
  respond(http::Response::Json(200, PageJson(std::move(items), std::nullopt)));
}

Result<invoicing::TaxRate> ParseTaxRate(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"region", "tax_class", "rate_percent"}, "");
  invoicing::TaxRate t;
  t.region = r.String(*doc, "region", "region", true);
  t.tax_class = r.String(*doc, "tax_class", "tax_class", true);
  if (auto rate = r.Decimal(*doc, "rate_percent", "rate_percent", true)) {
    auto ppm = invoicing::ParseRatePercent(*rate);
    if (ppm.ok()) {
      t.rate_ppm = *ppm;
    } else {
      for (const auto& e : ppm.status().errors()) errors.push_back(e);
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid tax rate", std::move(errors));
  return t;
}

void PutTaxRate(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequireWrite(ctx, request, respond, "tax_rates.write");
  if (!who) return;
  auto parsed = ParseTaxRate(request.body);
  if (!parsed.ok()) return respond(ProblemFor(parsed.status()));
  RunWrite(
      ctx, request, *who,
      [t = std::move(parsed).value()](store::Connection& conn,
                                      const CommandContext& cc) -> Result<http::Response> {
        if (Status st = invoicing::SaveTaxRate(conn, cc, t); !st.ok()) return st;
        return http::Response::Json(200, TaxRateJson(t));
      },
      std::move(respond));
}

void TrialBalance(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "ledger.read");
  if (!who) return;
  // The ledger is every customer's: not for a user bound to one customer.
  if (who->customer_id) return respond(ProblemFor(Status::NotFound("no such report")));
  std::vector<FieldError> errors;
  constexpr std::array<std::string_view, 1> kKnown = {"as_of"};
  CheckListParameters(request, kKnown, errors);
  std::optional<Date> as_of = QueryDate(request, "as_of", errors);
  if (!errors.empty()) {
    return respond(ProblemFor(Status::InvalidArgument("invalid parameters", std::move(errors))));
  }
  ledger::TrialBalance tb = [&] {
    auto conn = ctx.readers.Borrow();
    return ledger::LoadTrialBalance(*conn, as_of);
  }();
  json accounts = json::array();
  for (const auto& a : tb.accounts) {
    accounts.push_back({{"account", a.account.code},
                        {"name", a.account.name},
                        {"type", ledger::TypeName(a.account.type)},
                        {"debit", a.debit.Format(2)},
                        {"credit", a.credit.Format(2)},
                        {"balance", a.balance().Format(2)}});
  }
  respond(http::Response::Json(200, {{"as_of", tb.as_of ? json(FormatDate(*tb.as_of)) : json()},
                                     {"currency", "USD"},
                                     {"accounts", std::move(accounts)},
                                     {"total_debit", tb.total_debit.Format(2)},
                                     {"total_credit", tb.total_credit.Format(2)},
                                     {"balanced", tb.balanced()}}));
}

}  // namespace

void AddInvoiceRoutes(http::Router& router, ApiContext& ctx) {
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/invoices",
                 [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/invoices/{ref}",
                 [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/invoices/{ref}.pdf",
                 [&ctx](http::Request& q, http::Responder r) { ShowPdf(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/tax-rates",
             [&ctx](http::Request& q, http::Responder r) { ListTaxRates(ctx, q, std::move(r)); });
  router.Add("POST", "/api/v1/tax-rates",
             [&ctx](http::Request& q, http::Responder r) { PutTaxRate(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/ledger/trial-balance",
             [&ctx](http::Request& q, http::Responder r) { TrialBalance(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
