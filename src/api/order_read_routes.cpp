#include "api/order_read_routes.h"

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "api/authenticate.h"
#include "api/customer_filter.h"
#include "api/order_resource.h"
#include "api/pagination.h"
#include "api/portal_operations.h"
#include "api/portal_redaction.h"
#include "api/query_params.h"
#include "api/status_response.h"
#include "events/outbox.h"
#include "jsonio/json_writer.h"
#include "orders/order_queries.h"
#include "views/order_list_view.h"

namespace ordo::api {
namespace {

constexpr int64_t kMicrosPerDay = int64_t{86'400} * 1'000'000;

constexpr std::array<std::string_view, 7> kListParameters = {
    "status", "customer", "created_from", "created_to", "channel", "limit", "cursor"};

Timestamp StartOfDay(Date d) {
  return Timestamp{d.days * kMicrosPerDay};
}

// A created_from / created_to bound: a date means the whole day (UTC), so its range is
// [start of day, start of next day); an instant is one point.
std::optional<std::pair<Timestamp, Timestamp>> ParseBound(std::string_view text) {
  if (auto d = ParseDate(text)) {
    return std::pair{StartOfDay(*d), StartOfDay(Date{d->days + 1})};
  }
  if (auto t = ParseRfc3339(text)) return std::pair{*t, Timestamp{t->micros + 1}};
  return std::nullopt;
}

// The list's filters from the query string, every bad parameter reported at once; nullopt
// when the filter can match nothing (a portal user filtering on another customer's id).
Result<std::optional<orders::OrderFilter>> ParseOrderFilter(store::Connection& conn,
                                                            const http::Request& request,
                                                            const auth::Principal& who) {
  std::vector<FieldError> errors;
  for (const auto& [name, value] : request.query) {
    bool known = false;
    for (auto p : kListParameters) known = known || p == name;
    if (!known) errors.push_back({name, "unknown_parameter", "orders have no filter " + name});
  }
  orders::OrderFilter filter;
  filter.status = QueryEnum(request, "status", orders::StatusFromName,
                            "on_hold, open, backordered, partially_shipped, shipped, invoiced, "
                            "closed, cancelled",
                            errors);
  if (auto from = NonEmptyQuery(request, "created_from")) {
    if (auto bound = ParseBound(*from)) {
      filter.created_from = bound->first;
    } else {
      errors.push_back({"created_from", "invalid_value",
                        "created_from is a date (YYYY-MM-DD) or an RFC 3339 time"});
    }
  }
  if (auto to = NonEmptyQuery(request, "created_to")) {
    if (auto bound = ParseBound(*to)) {
      filter.created_before = bound->second;
    } else {
      errors.push_back(
          {"created_to", "invalid_value", "created_to is a date (YYYY-MM-DD) or an RFC 3339 time"});
    }
  }
  if (auto channel = NonEmptyQuery(request, "channel")) {
    if (orders::IsValidChannel(*channel)) {
      filter.channel = std::string(*channel);
    } else {
      errors.push_back({"channel", "invalid_value",
                        "channel is one of phone, email, web, portal, edi, api, csv"});
    }
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("invalid order list parameters", std::move(errors));
  }
  CustomerFilter customer = ResolveCustomerFilter(conn, request, who);
  if (customer.matches_nothing) return std::optional<orders::OrderFilter>();
  filter.customer_id = customer.customer;
  return std::optional<orders::OrderFilter>(std::move(filter));
}

int MinorDigits(const std::string& currency) {
  auto c = FindCurrency(currency);
  return c ? c->minor_digits : 2;
}

void WriteSummary(jsonio::JsonWriter& w, const orders::OrderSummary& s) {
  w.BeginObject()
      .Field("id", s.id.value())
      .Field("number", s.number)
      .Field("version", s.version)
      .Field("customer", s.customer_code)
      .Field("status", orders::StatusName(s.status))
      .Field("po_number", s.po_number)
      .Field("channel", s.channel)
      .Field("total", s.total.Format(MinorDigits(s.currency)))
      .Field("currency", s.currency)
      .Field("created_at", FormatRfc3339(s.created_at))
      .EndObject();
}

http::Response JsonText(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.SetHeader("Content-Type", "application/json");
  return r;
}

void List(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "orders.read");
  if (!who) return;
  auto page = ParsePage(request);
  if (!page.ok()) return respond(ProblemFor(page.status()));
  auto conn = ctx.readers.Borrow();
  auto filter = ParseOrderFilter(*conn, request, *who);
  if (!filter.ok()) return respond(ProblemFor(filter.status()));
  std::vector<orders::OrderSummary> rows;
  if (*filter) {
    std::optional<OrderId> before;
    if (page->after) before = OrderId(*page->after);
    rows = views::ListOrders(*conn, **filter, before, page->limit + 1);
  }
  std::optional<int64_t> next = TrimToPage(rows, page->limit);
  jsonio::JsonWriter w;
  w.BeginObject().Key("items").BeginArray();
  for (const auto& s : rows) WriteSummary(w, s);
  w.EndArray().Key("next_cursor");
  if (next) {
    w.String(EncodeCursor(*next));
  } else {
    w.Null();
  }
  w.EndObject();
  respond(JsonText(200, w.Take()));
}

void Show(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "orders.read");
  if (!who) return;
  respond = ForPortal(*who, PortalDocument::kOrder, std::move(respond));
  auto order = [&] {
    auto conn = ctx.readers.Borrow();
    return LoadOrderFor(*conn, *request.PathParam("ref"), *who);
  }();
  if (!order.ok()) return respond(ProblemFor(order.status()));
  respond(OrderResponse(200, *order));
}

void Events(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "orders.read");
  if (!who) return;
  respond = ForPortal(*who, PortalDocument::kOrderTimeline, std::move(respond));
  std::vector<events::Event> timeline;
  {
    auto conn = ctx.readers.Borrow();
    auto key = FindOrderFor(*conn, *request.PathParam("ref"), *who);
    if (!key.ok()) return respond(ProblemFor(key.status()));
    timeline = events::ForEntity(*conn, "order", key->id.value());
  }
  nlohmann::json items = nlohmann::json::array();
  for (auto& e : timeline) {
    items.push_back({{"id", e.id},
                     {"type", std::move(e.type)},
                     {"at", FormatRfc3339(e.at)},
                     {"payload", std::move(e.payload)}});
  }
  respond(http::Response::Json(200, PageJson(std::move(items), std::nullopt)));
}

}  // namespace

void AddOrderReadRoutes(http::Router& router, ApiContext& ctx) {
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/orders",
                 [&ctx](http::Request& q, http::Responder r) { List(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/orders/{ref}",
                 [&ctx](http::Request& q, http::Responder r) { Show(ctx, q, std::move(r)); });
  AddPortalRoute(router, ctx.portal, "GET", "/api/v1/orders/{ref}/events",
                 [&ctx](http::Request& q, http::Responder r) { Events(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
