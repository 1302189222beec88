#include "api/price_quote_routes.h"

#include <exception>
#include <nlohmann/json.hpp>

#include "api/authenticate.h"
#include "api/failure_log.h"
#include "api/json_body.h"
#include "api/price_override_check.h"
#include "api/status_response.h"
#include "core/field_path.h"
#include "flows/price_quote.h"
#include "jsonio/field_reader.h"
#include "requests/order_request_json.h"
#include "store/command_executor.h"

namespace ordo::api {
namespace {

using nlohmann::json;

Result<flows::QuoteRequest> ParseQuoteRequest(const std::string& body) {
  Result<json> doc = jsonio::ParseJsonObject(body);
  if (!doc.ok()) return doc.status();
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(*doc, {"customer", "ship_to", "date", "lines"}, "");
  flows::QuoteRequest request;
  request.customer = r.String(*doc, "customer", "customer", text_limits::kCustomerCode, true);
  request.ship_to = r.String(*doc, "ship_to", "ship_to", text_limits::kShipToCode, false);
  if (doc->contains("date")) {
    const json& d = doc->at("date");
    if (!d.is_string()) {
      r.Fail("date", "invalid_type", "a date is a string YYYY-MM-DD");
    } else if (auto date = ParseDate(d.get<std::string>())) {
      request.date = *date;
    } else {
      r.Fail("date", "invalid_date", "a date is written YYYY-MM-DD");
    }
  }
  const json* lines = r.Array(*doc, "lines", "lines", true);
  if (lines && lines->size() > flows::kMaxQuoteLines) {
    r.Fail("lines", "too_many", "a quote has at most 1000 lines");
    lines = nullptr;
  }
  for (size_t i = 0; lines && i < lines->size(); ++i) {
    const json& l = (*lines)[i];
    const std::string at = ElementPath("lines", i);
    flows::QuoteLineRequest line;
    if (!l.is_object()) {
      r.Fail(at, "invalid_type", "a line must be an object");
    } else {
      r.OnlyKnown(l,
                  {"sku", "customer_part_number", "configuration", "quantity", "uom", "unit_price",
                   "override_reason"},
                  at);
      // Our SKU, the customer's own part number or a configuration, as on an order line.
      requests::LineItem item = requests::ReadLineItem(r, l, at, true, errors);
      line.sku = std::move(item.sku);
      line.customer_part_number = std::move(item.customer_part_number);
      line.configuration = std::move(item.configuration);
      // Any text the user typed: a pasted "1O" is a problem of that line (the quote's
      // invalid_quantity), not of the whole request.
      line.quantity = r.Decimal(l, "quantity", FieldPath(at, "quantity"), true).value_or("");
      line.uom = r.String(l, "uom", FieldPath(at, "uom"), text_limits::kUom, false);
      // Read as on an order line; judged with the line (flows::CheckManualPrice).
      requests::ReadManualPrice(r, l, at, line.unit_price, line.override_reason);
    }
    request.lines.push_back(std::move(line));
  }
  if (!errors.empty()) return Status::InvalidArgument("the quote has invalid fields", errors);
  return request;
}

json LineJson(const flows::QuoteLineRequest& in, const flows::QuotedLine& q) {
  json errors = json::array();
  for (const auto& e : q.errors) {
    errors.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
  }
  json packs = json::array();
  if (q.item) {
    for (const auto& p : q.item->packs) packs.push_back({{"uom", p.uom}, {"quantity", p.quantity}});
  }
  auto or_null = [](const auto& value, auto make) -> json {
    return value ? json(make(*value)) : json(nullptr);
  };
  json out = {
      {"sku", q.item ? json(q.item->sku) : json(in.sku)},
      {"name", q.item ? json(q.item->name) : json(nullptr)},
      {"quantity", in.quantity},
      {"uom", q.item ? json(q.uom) : json(nullptr)},
      {"base_uom", q.item ? json(q.item->uom) : json(nullptr)},
      {"base_quantity", or_null(q.base_quantity, [](int64_t v) { return v; })},
      {"pack_sizes", std::move(packs)},
      {"unit_price", or_null(q.price, [](const auto& p) { return p.unit_price.Format(4); })},
      {"price_source", or_null(q.price, [](const auto& p) { return p.source; })},
      {"price_explanation", or_null(q.price, [](const auto& p) { return p.explanation; })},
      {"extended_amount", or_null(q.extended_amount, [](Money m) { return m.Format(2); })},
      // A rate in ppm is a percentage with four decimals: "8.875" for 88750.
      {"tax_rate_percent",
       or_null(q.tax_amount, [&](Money) { return Money::FromUnits(q.tax_rate_ppm).Format(0); })},
      {"tax_amount", or_null(q.tax_amount, [](Money m) { return m.Format(2); })},
      {"availability", q.item ? inventory::AvailabilityJson(in.sku, q.stock) : json(nullptr)},
      {"errors", std::move(errors)},
  };
  if (in.customer_part_number) out["customer_part_number"] = *in.customer_part_number;
  if (q.configuration) out["configuration"] = json::parse(*q.configuration);
  return out;
}

void Quote(ApiContext& ctx, http::Request& request, http::Responder respond) {
  auto who = RequirePermission(ctx, request, respond, "orders.place");
  if (!who) return;
  // Not a write, so RequireWrite does not check the body's type: the one read that has a body.
  if (auto refused = RefuseNonJsonBody(request)) return respond(std::move(*refused));
  auto parsed = ParseQuoteRequest(request.body);
  if (!parsed.ok()) return respond(ProblemFor(parsed.status()));
  // A manual price is previewed only for whoever may place it (403 as POST /api/v1/orders).
  if (Status st = CheckPriceOverrides(*who, *parsed); !st.ok()) return respond(ProblemFor(st));
  bool threw = false;
  auto quote = [&]() -> Result<flows::Quote> {
    try {
      auto conn = ctx.readers.Borrow();
      return flows::QuotePrices(*conn, *parsed, DateOf(ctx.clock.Now()), ctx.order_limits);
    } catch (...) {
      threw = true;  // its text (SQL) is logged, not answered
      return store::StatusOfException(std::current_exception());
    }
  }();
  if (!quote.ok()) return respond(FailureResponse(ctx, request, quote.status(), threw));
  json lines = json::array();
  for (size_t i = 0; i < quote->lines.size(); ++i) {
    lines.push_back(LineJson(parsed->lines[i], quote->lines[i]));
  }
  respond(http::Response::Json(
      200, {{"customer", quote->customer.code},
            {"date", FormatDate(quote->date)},
            {"price_tier", quote->price_tier ? json(*quote->price_tier) : json(nullptr)},
            {"price_list", quote->price_list.empty() ? json(nullptr) : json(quote->price_list)},
            {"customer_group",
             quote->customer_group.empty() ? json(nullptr) : json(quote->customer_group)},
            {"currency", "USD"},
            {"subtotal", quote->subtotal.Format(2)},
            {"tax", quote->tax.Format(2)},
            {"tax_exemption", quote->tax_exemption ? json(*quote->tax_exemption) : json(nullptr)},
            {"total", quote->total().Format(2)},
            {"lines", std::move(lines)}}));
}

}  // namespace

void AddPriceQuoteRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("POST", "/api/v1/pricing/quote",
             [&ctx](http::Request& q, http::Responder r) { Quote(ctx, q, std::move(r)); });
}

}  // namespace ordo::api
