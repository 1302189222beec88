#include "api/receivables_report_routes.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/customer_scope.h"
#include "api/pdf_response.h"
#include "api/portal_operations.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "core/resource_ref.h"
#include "customers/customer_repository.h"
#include "flows/statement_document.h"
#include "receivables/aging.h"
#include "receivables/statement.h"
#include "views/aging_view.h"

namespace ordo::api {
namespace {

using nlohmann::json;

json BucketsJson(const receivables::AgingBuckets& b) {
  return {{"current", b.current.Format(2)},   {"d1_30", b.d1_30.Format(2)},
          {"d31_60", b.d31_60.Format(2)},     {"d61_90", b.d61_90.Format(2)},
          {"d90_plus", b.d90_plus.Format(2)}, {"total", b.total().Format(2)}};
}

json AgingJson(const receivables::AgingReport& report) {
  json customers = json::array();
  for (const auto& c : report.customers) {
    json row = BucketsJson(c.buckets);
    row["customer"] = c.customer_code;
    row["name"] = c.customer_name;
    row["unapplied"] = c.unapplied.Format(2);
    row["open_credits"] = c.open_credits.Format(2);
    customers.push_back(std::move(row));
  }
  json totals = BucketsJson(report.totals);
  totals["unapplied"] = report.unapplied.Format(2);
  totals["open_credits"] = report.open_credits.Format(2);
  return {{"as_of", FormatDate(report.as_of)},
          {"currency", "USD"},
          {"customers", std::move(customers)},
          {"totals", std::move(totals)}};
}

void Aging(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "receivables.read");
  if (!who) return;
  constexpr std::array<std::string_view, 2> kKnown = {"as_of", "customer"};
  if (Status st = CheckKnownParameters(request, kKnown); !st.ok()) return respond(ProblemFor(st));
  std::vector<FieldError> errors;
  Date as_of = QueryDate(request, "as_of", errors).value_or(DateOf(ctx.clock.Now()));
  if (!errors.empty()) {
    return respond(ProblemFor(Status::InvalidArgument("invalid parameters", std::move(errors))));
  }
  auto conn = ctx.readers.Borrow();
  // A user bound to a customer (whatever its other roles) ages only that customer.
  std::optional<CustomerId> only = who->customer_id;
  if (auto code = NonEmptyQuery(request, "customer")) {
    auto c = customers::FindCustomerByRef(*conn, *code);
    if (!c || !MaySeeCustomer(*who, c->id)) {
      return respond(ProblemFor(Status::NotFound("no customer " + std::string(*code))));
    }
    only = c->id;
  }
  respond(http::Response::Json(200, AgingJson(views::LoadAging(*conn, as_of, only))));
}

void DaysSalesOutstanding(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "receivables.read");
  if (!who) return;
  // DSO is about every customer's receivables: not for a user bound to one customer.
  if (who->customer_id) return respond(ProblemFor(Status::NotFound("no such report")));
  constexpr std::array<std::string_view, 2> kKnown = {"as_of", "days"};
  if (Status st = CheckKnownParameters(request, kKnown); !st.ok()) return respond(ProblemFor(st));
  std::vector<FieldError> errors;
  Date as_of = QueryDate(request, "as_of", errors).value_or(DateOf(ctx.clock.Now()));
  int days = 90;
  if (auto text = NonEmptyQuery(request, "days")) {
    ResourceRef n = ParseResourceRef(*text);
    if (!n.id || *n.id < 1 || *n.id > 3650) {
      errors.push_back({"days", "out_of_range", "days is a whole number from 1 to 3650"});
    } else {
      days = static_cast<int>(*n.id);
    }
  }
  if (!errors.empty()) {
    return respond(ProblemFor(Status::InvalidArgument("invalid parameters", std::move(errors))));
  }
  receivables::Dso d = [&] {
    auto conn = ctx.readers.Borrow();
    return receivables::LoadDso(*conn, as_of, days);
  }();
  json dso;
  if (d.dso_tenths) dso = Money::FromUnits(*d.dso_tenths * 1000).Format(1);
  respond(http::Response::Json(200, {{"as_of", FormatDate(d.as_of)},
                                     {"days", d.days},
                                     {"receivables", d.receivables.Format(2)},
                                     {"credit_sales", d.credit_sales.Format(2)},
                                     {"dso", dso}}));
}

// What a statement covers: `from` to `to` (default: the first of `to`'s month to today), and
// the customer it is of, if `who` may see it; a problem otherwise (400 naming the parameters,
// 404 for a customer `who` may not see).
struct StatementScope {
  customers::Customer customer;
  Date from;
  Date to;
};

Result<StatementScope> ResolveStatement(ApiContext& ctx, http::Request& request,
                                        const auth::Principal& who, store::Connection& conn) {
  constexpr std::array<std::string_view, 2> kKnown = {"from", "to"};
  if (Status st = CheckKnownParameters(request, kKnown); !st.ok()) return st;
  std::vector<FieldError> errors;
  Date to = QueryDate(request, "to", errors).value_or(DateOf(ctx.clock.Now()));
  Date month_start = to;
  if (auto text = FormatDate(to); text.size() == 10) {
    month_start = ParseDate(text.substr(0, 8) + "01").value_or(to);
  }
  Date from = QueryDate(request, "from", errors).value_or(month_start);
  if (errors.empty() && from > to) {
    errors.push_back({"from", "out_of_range", "from is on or before to"});
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid parameters", std::move(errors));
  std::string segment(*request.PathParam("ref"));
  auto customer = customers::FindCustomerByRef(conn, segment);
  if (!customer || !MaySeeCustomer(who, customer->id)) {
    return Status::NotFound("no customer " + segment);
  }
  return StatementScope{std::move(*customer), from, to};
}

void CustomerStatement(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "statements.read");
  if (!who) return;
  auto conn = ctx.readers.Borrow();
  auto scope = ResolveStatement(ctx, request, *who, *conn);
  if (!scope.ok()) return respond(ProblemFor(scope.status()));
  const customers::Customer* customer = &scope->customer;
  const Date from = scope->from;
  const Date to = scope->to;
  receivables::Statement s = receivables::LoadStatement(*conn, customer->id, from, to);
  receivables::AgingReport aging = receivables::LoadAging(*conn, to, customer->id);
  json lines = json::array();
  for (const auto& l : s.lines) {
    lines.push_back({{"date", FormatDate(l.date)},
                     {"kind", l.kind},
                     {"reference", l.reference},
                     {"memo", l.memo},
                     {"charge", l.charge.Format(2)},
                     {"credit", l.credit.Format(2)},
                     {"balance", l.balance.Format(2)}});
  }
  json aging_json = BucketsJson(aging.totals);
  aging_json["unapplied"] = aging.unapplied.Format(2);
  aging_json["open_credits"] = aging.open_credits.Format(2);
  respond(http::Response::Json(200, {{"customer", customer->code},
                                     {"name", customer->name},
                                     {"from", FormatDate(s.from)},
                                     {"to", FormatDate(s.to)},
                                     {"currency", "USD"},
                                     {"opening_balance", s.opening_balance.Format(2)},
                                     {"lines", std::move(lines)},
                                     {"closing_balance", s.closing_balance.Format(2)},
                                     {"aging", std::move(aging_json)}}));
}

// The statement printed (flows/statement_document.h), made from what is stored now: no ETag.
void CustomerStatementPdf(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "statements.read");
  if (!who) return;
  auto document = [&]() -> Result<documents::PrintedDocument> {
    auto conn = ctx.readers.Borrow();
    auto scope = ResolveStatement(ctx, request, *who, *conn);
    if (!scope.ok()) return scope.status();
    return flows::LoadStatementDocument(*conn, scope->customer, scope->from, scope->to);
  }();
  if (!document.ok()) return respond(ProblemFor(document.status()));
  respond(PdfResponse(*document));
}

}  // namespace

void AddReceivablesReportRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/ar/aging",
             [&ctx](http::Request& q, http::Responder r) { Aging(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/ar/dso", [&ctx](http::Request& q, http::Responder r) {
    DaysSalesOutstanding(ctx, q, std::move(r));
  });
  AddPortalRoute(
      router, ctx.portal, "GET", "/api/v1/customers/{ref}/statement",
      [&ctx](http::Request& q, http::Responder r) { CustomerStatement(ctx, q, std::move(r)); });
  AddPortalRoute(
      router, ctx.portal, "GET", "/api/v1/customers/{ref}/statement.pdf",
      [&ctx](http::Request& q, http::Responder r) { CustomerStatementPdf(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
