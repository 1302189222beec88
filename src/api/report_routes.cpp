#include "api/report_routes.h"

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "core/resource_ref.h"
#include "orders/order_reports.h"
#include "views/sales_report_view.h"

namespace ordo::api {
namespace {

using nlohmann::json;

constexpr int kMaxPeriodDays = 731;
constexpr int kDefaultTop = 10;
constexpr int kMaxTop = 100;

struct Period {
  Date from;
  Date to;
};

// `from` and `to` with their defaults (see report_routes.h), reported to `errors` when bad.
Period ReadPeriod(ApiContext& ctx, const http::Request& request, int default_days,
                  std::vector<FieldError>& errors) {
  const size_t before = errors.size();
  Period p;
  p.to = QueryDate(request, "to", errors).value_or(DateOf(ctx.clock.Now()));
  p.from = QueryDate(request, "from", errors).value_or(Date{p.to.days - (default_days - 1)});
  if (errors.size() != before) return p;
  if (p.from > p.to) {
    errors.push_back({"from", "out_of_range", "from is on or before to"});
  } else if (p.to.days - p.from.days + 1 > kMaxPeriodDays) {
    errors.push_back({"from", "out_of_range",
                      "a period is at most " + std::to_string(kMaxPeriodDays) + " days"});
  }
  return p;
}

int ReadLimit(const http::Request& request, std::vector<FieldError>& errors) {
  auto text = NonEmptyQuery(request, "limit");
  if (!text) return kDefaultTop;
  ResourceRef n = ParseResourceRef(*text);
  if (!n.id || *n.id < 1 || *n.id > kMaxTop) {
    errors.push_back(
        {"limit", "out_of_range", "limit is a whole number from 1 to " + std::to_string(kMaxTop)});
    return kDefaultTop;
  }
  return static_cast<int>(*n.id);
}

void RespondInvalid(const http::Responder& respond, std::vector<FieldError> errors) {
  respond(ProblemFor(Status::InvalidArgument("invalid parameters", std::move(errors))));
}

json PeriodJson(const Period& p) {
  return {{"from", FormatDate(p.from)},
          {"to", FormatDate(p.to)},
          {"basis", "ordered"},
          {"currency", "USD"}};
}

void Sales(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "reports.read")) return;
  constexpr std::array<std::string_view, 3> kKnown = {"from", "to", "interval"};
  if (Status st = CheckKnownParameters(request, kKnown); !st.ok()) return respond(ProblemFor(st));
  std::vector<FieldError> errors;
  auto interval =
      QueryEnum(request, "interval", views::IntervalFromName, "day, week, month", errors)
          .value_or(views::Interval::kDay);
  const int default_days = interval == views::Interval::kDay    ? 30
                           : interval == views::Interval::kWeek ? 91
                                                                : 365;
  Period period = ReadPeriod(ctx, request, default_days, errors);
  if (!errors.empty()) return RespondInvalid(respond, std::move(errors));
  views::SalesSeries s = [&] {
    auto conn = ctx.readers.Borrow();
    return views::LoadSalesSeries(*conn, period.from, period.to, interval);
  }();
  json points = json::array();
  for (const auto& p : s.points) {
    points.push_back({{"start", FormatDate(p.start)},
                      {"end", FormatDate(p.end)},
                      {"orders", p.orders},
                      {"revenue", p.value.Format(2)},
                      {"prior_start", FormatDate(p.prior_start)},
                      {"prior_end", FormatDate(p.prior_end)},
                      {"prior_orders", p.prior_orders},
                      {"prior_revenue", p.prior_value.Format(2)}});
  }
  json body = PeriodJson(period);
  body["interval"] = views::IntervalName(s.interval);
  body["prior_from"] = FormatDate(s.prior_from);
  body["prior_to"] = FormatDate(s.prior_to);
  body["points"] = std::move(points);
  body["totals"] = {{"orders", s.orders},
                    {"revenue", s.value.Format(2)},
                    {"prior_orders", s.prior_orders},
                    {"prior_revenue", s.prior_value.Format(2)}};
  respond(http::Response::Json(200, body));
}

// The top lists' common parameters; false when it answered a problem.
bool ReadTopParameters(ApiContext& ctx, const http::Request& request,
                       const http::Responder& respond, Period& period, int& limit) {
  constexpr std::array<std::string_view, 3> kKnown = {"from", "to", "limit"};
  if (Status st = CheckKnownParameters(request, kKnown); !st.ok()) {
    respond(ProblemFor(st));
    return false;
  }
  std::vector<FieldError> errors;
  period = ReadPeriod(ctx, request, 30, errors);
  limit = ReadLimit(request, errors);
  if (errors.empty()) return true;
  RespondInvalid(respond, std::move(errors));
  return false;
}

void TopCustomers(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "reports.read")) return;
  Period period;
  int limit = 0;
  if (!ReadTopParameters(ctx, request, respond, period, limit)) return;
  auto rows = [&] {
    auto conn = ctx.readers.Borrow();
    return views::LoadTopCustomers(*conn, period.from, period.to, limit);
  }();
  json customers = json::array();
  for (size_t i = 0; i < rows.size(); ++i) {
    customers.push_back({{"rank", i + 1},
                         {"customer", rows[i].code},
                         {"name", rows[i].name},
                         {"orders", rows[i].orders},
                         {"revenue", rows[i].value.Format(2)}});
  }
  json body = PeriodJson(period);
  body["customers"] = std::move(customers);
  respond(http::Response::Json(200, body));
}

void TopItems(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "reports.read")) return;
  Period period;
  int limit = 0;
  if (!ReadTopParameters(ctx, request, respond, period, limit)) return;
  auto rows = [&] {
    auto conn = ctx.readers.Borrow();
    return views::LoadTopItems(*conn, period.from, period.to, limit);
  }();
  json items = json::array();
  for (size_t i = 0; i < rows.size(); ++i) {
    items.push_back({{"rank", i + 1},
                     {"sku", rows[i].sku},
                     {"name", rows[i].name},
                     {"orders", rows[i].orders},
                     {"quantity", rows[i].quantity},
                     {"revenue", rows[i].value.Format(2)}});
  }
  json body = PeriodJson(period);
  body["items"] = std::move(items);
  respond(http::Response::Json(200, body));
}

json CountsJson(const std::vector<orders::OrderCount>& rows, const char* key) {
  json out = json::array();
  for (const auto& r : rows) {
    out.push_back({{key, r.key}, {"orders", r.orders}, {"value", r.value.Format(2)}});
  }
  return out;
}

void OpenOrders(ApiContext& ctx, http::Request& request, http::Responder respond) {
  if (!RequirePermission(ctx, request, respond, "reports.read")) return;
  if (Status st = CheckKnownParameters(request, {}); !st.ok()) return respond(ProblemFor(st));
  std::vector<orders::OrderCount> statuses;
  std::vector<orders::OrderCount> holds;
  {
    auto conn = ctx.readers.Borrow();  // one snapshot for both
    statuses = orders::OpenOrdersByStatus(*conn);
    holds = orders::WaitingHoldsByKind(*conn);
  }
  int64_t count = 0;
  Money value;
  for (const auto& s : statuses) {
    count += s.orders;
    value += s.value;
  }
  respond(http::Response::Json(200, {{"currency", "USD"},
                                     {"statuses", CountsJson(statuses, "status")},
                                     {"holds", CountsJson(holds, "kind")},
                                     {"totals", {{"orders", count}, {"value", value.Format(2)}}}}));
}

}  // namespace

void AddReportRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/api/v1/reports/sales",
             [&ctx](http::Request& q, http::Responder r) { Sales(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/reports/top-customers",
             [&ctx](http::Request& q, http::Responder r) { TopCustomers(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/reports/top-items",
             [&ctx](http::Request& q, http::Responder r) { TopItems(ctx, q, std::move(r)); });
  router.Add("GET", "/api/v1/reports/open-orders",
             [&ctx](http::Request& q, http::Responder r) { OpenOrders(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
