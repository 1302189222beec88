#include "flows/price_quote.h"

#include <cstdint>
#include <string_view>

#include "catalog/customer_part_number.h"
#include "catalog/item_repository.h"
#include "catalog/order_quantity.h"
#include "configurator/model_json.h"
#include "core/field_path.h"
#include "customers/customer_repository.h"
#include "flows/basket_pricing.h"
#include "flows/configured_lines.h"
#include "flows/manual_price.h"
#include "flows/reference_version.h"
#include "invoicing/sales_tax.h"

namespace ordo::flows {
namespace {

// Checks and prices one line; its problems go to `out.errors`, as placement would name them.
// A configured line's price has the answers' adjustment added, as placement adds it, unless
// the line has a manual price (then that is its price, as placed). A manual price placement
// would refuse leaves the line unpriced, with its problems.
void QuoteLine(const std::unordered_map<std::string, catalog::Item>& items,
               const QuoteLineRequest& in, size_t i, const BasketPricer& pricer,
               const OrderLimits& limits, const ConfiguredLine* configured, QuotedLine& out) {
  const std::string at = ElementPath("lines", i);
  const size_t before = out.errors.size();
  const std::optional<Money> manual =
      CheckManualPrice(in.unit_price, in.override_reason, at, out.errors);
  const bool bad_manual = out.errors.size() != before;
  auto priced = [&](int64_t base_quantity) {
    if (bad_manual) return;
    auto price = pricer.Price(*out.item, base_quantity, manual, in.override_reason);
    if (!price.ok()) return;
    out.price = *price;
    if (!configured || manual) return;
    out.price->unit_price += configured->price_adjustment;
    out.price->source = "configured";
    out.price->explanation =
        ConfiguredExplanation(out.price->explanation, configured->price_adjustment);
    out.price->rule_price = out.price->unit_price;
    out.price->rule_explanation = out.price->explanation;
  };
  auto found = items.find(in.sku);
  if (found == items.end()) {
    out.errors.push_back({FieldPath(at, "sku"), "unknown_sku", "no item " + in.sku});
  } else {
    out.item = found->second;
    if (!out.item->active) {
      out.errors.push_back(
          {FieldPath(at, "sku"), "inactive_sku", "item " + in.sku + " is not sold any more"});
    }
  }
  auto amount = ParseWholeAmount(in.quantity);
  if (!amount.ok() || *amount <= 0) {
    out.errors.push_back(
        {FieldPath(at, "quantity"), "invalid_quantity", "a quantity is a positive whole number"});
  }
  if (!out.item) return;
  out.uom = in.uom.empty() ? out.item->uom : in.uom;
  if (out.item->Conversions().UnitsPer(out.uom) <= 0) {
    out.errors.push_back(
        {FieldPath(at, "uom"), "unknown_uom", "item " + in.sku + " is not sold in " + out.uom});
    return;
  }
  if (!amount.ok() || *amount <= 0) {
    // Without a quantity, the price of one unit (a quantity break cannot apply).
    priced(1);
    return;
  }
  auto base = out.item->Conversions().ToBase(Quantity{*amount, out.uom});
  priced(base.ok() ? *base : 1);
  if (!base.ok() || *base > limits.max_line_quantity) {
    out.errors.push_back(
        {FieldPath(at, "quantity"), "out_of_range",
         "a line has at most " + std::to_string(limits.max_line_quantity) + " " + out.item->uom});
    return;
  }
  out.base_quantity = *base;
  if (auto problem = catalog::CheckOrderQuantity(*out.item, *base, FieldPath(at, "quantity"))) {
    out.errors.push_back(std::move(*problem));
  }
  if (!out.price) return;
  std::optional<Money> extended = out.price->unit_price.CheckedMul(*base);
  if (!extended || *extended > Money::FromWhole(kMaxOrderAmountWhole)) {
    // A manual price is what makes it large, so it is named then (as placement names it).
    out.errors.push_back({FieldPath(at, manual ? "unit_price" : "quantity"), "out_of_range",
                          "a line's value is at most " + std::to_string(kMaxOrderAmountWhole)});
    return;
  }
  out.extended_amount = pricing::ExtendedAmount(out.price->unit_price, *base, kUsd);
}

// The line index of a field path "lines/<i>/...", or SIZE_MAX.
size_t LineIndexOf(const std::string& field) {
  constexpr std::string_view kLines = "lines/";
  if (!field.starts_with(kLines)) return SIZE_MAX;
  size_t i = 0;
  size_t at = kLines.size();
  if (at >= field.size() || field[at] < '0' || field[at] > '9') return SIZE_MAX;
  for (; at < field.size() && field[at] >= '0' && field[at] <= '9'; ++at) {
    i = i * 10 + static_cast<size_t>(field[at] - '0');
  }
  return i;
}

// Taxes the priced lines as order placement would (one query).
void TaxQuote(store::Connection& conn, const customers::ShipTo& ship_to, Date on, Quote& quote) {
  invoicing::TaxRule rule = invoicing::LoadTaxRule(
      conn, quote.customer.id, quote.customer.tax_exempt, ship_to.address.region, on);
  quote.tax_exemption = rule.exemption;
  for (auto& line : quote.lines) {
    if (!line.extended_amount) continue;
    const invoicing::TaxableLine taxable{line.item->tax_class, *line.extended_amount, Money()};
    const invoicing::LineTax tax = invoicing::TaxLines(rule, {&taxable, 1}, kUsd).front();
    line.tax_rate_ppm = tax.rate_ppm;
    line.tax_amount = tax.tax;
    quote.tax += tax.tax;
  }
}

}  // namespace

Result<Quote> QuotePrices(store::Connection& conn, const QuoteRequest& request, Date today,
                          const OrderLimits& limits) {
  std::vector<FieldError> errors;
  auto customer = customers::FindCustomerByCode(conn, request.customer);
  if (!customer) {
    errors.push_back({"customer", "unknown_customer", "no customer " + request.customer});
  }
  if (request.lines.empty()) {
    errors.push_back({"lines", "required", "a quote needs at least one line"});
  }
  if (request.lines.size() > kMaxQuoteLines) {
    errors.push_back({"lines", "too_many", "a quote has at most 1000 lines"});
  }
  const customers::ShipTo* ship_to = nullptr;
  if (customer) {
    ship_to = request.ship_to.empty()
                  ? (customer->ship_tos.empty() ? nullptr : &customer->ship_tos.front())
                  : customer->FindShipTo(request.ship_to);
    if (ship_to == nullptr) {
      errors.push_back({"ship_to", "unknown_ship_to",
                        "customer " + request.customer + " has no ship-to " + request.ship_to});
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("the quote has invalid fields", errors);
  const customers::ShipTo tax_ship_to = *ship_to;  // the customer is moved into the quote

  Quote quote;
  quote.customer = std::move(*customer);
  // Before the rules are read: a change committed after it has a newer version.
  const int64_t reference_version = ReadReferenceVersion(conn);
  quote.date = request.date.value_or(today);
  quote.lines.resize(request.lines.size());
  // Lines by the customer's part number become lines by SKU (and unit), in one query.
  std::vector<QuoteLineRequest> in = request.lines;
  std::vector<std::string> parts;
  for (const auto& line : in) {
    if (line.customer_part_number) parts.push_back(*line.customer_part_number);
  }
  catalog::PartNumberMap mapped;
  if (!parts.empty()) mapped = catalog::ResolvePartNumbers(conn, quote.customer.id, parts);
  // Configured lines become lines of the SKU their answers map to (one model load per
  // configurator named); their problems stay with their lines.
  std::vector<PlaceOrderLine> as_order_lines(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    as_order_lines[i].sku = in[i].sku;
    as_order_lines[i].configuration = in[i].configuration;
  }
  std::vector<FieldError> configuration_errors;
  const auto configured =
      ResolveConfigurations(conn, as_order_lines, in.size(), configuration_errors);
  for (auto& e : configuration_errors) {
    const size_t i = LineIndexOf(e.field);
    if (i < quote.lines.size()) quote.lines[i].errors.push_back(std::move(e));
  }
  std::vector<std::string> skus;
  for (size_t i = 0; i < in.size(); ++i) {
    if (configured[i]) {
      in[i].sku = configured[i]->sku;
      quote.lines[i].configuration = configurator::LineConfigurationJson(configured[i]->stored);
    }
    if (in[i].customer_part_number) {
      auto found = mapped.find(*in[i].customer_part_number);
      if (found == mapped.end()) {
        quote.lines[i].errors.push_back({FieldPath(ElementPath("lines", i), "customer_part_number"),
                                         "unknown_part_number",
                                         "customer " + quote.customer.code +
                                             " has no part number " + *in[i].customer_part_number});
      } else {
        in[i].sku = found->second.sku;
        if (in[i].uom.empty()) in[i].uom = found->second.uom;
      }
    }
    skus.push_back(in[i].sku);
  }
  auto items = catalog::FindItemsBySku(conn, skus);
  const BasketPricer pricer(conn, quote.customer, items, quote.date, "USD", reference_version);
  if (pricer.tier()) quote.price_tier = pricer.tier()->code;
  quote.price_list = pricer.candidates().price_list_code();
  quote.customer_group = pricer.candidates().customer_group();
  for (size_t i = 0; i < in.size(); ++i) {
    QuotedLine& line = quote.lines[i];
    // An unknown part number, or a configuration that maps to no product.
    if (!line.errors.empty() || (in[i].configuration && !configured[i])) continue;
    QuoteLine(items, in[i], i, pricer, limits, configured[i] ? &*configured[i] : nullptr, line);
    if (line.item) line.stock = inventory::StockByWarehouse(conn, line.item->id);
    if (line.extended_amount) quote.subtotal += *line.extended_amount;
  }
  TaxQuote(conn, tax_ship_to, quote.date, quote);
  return quote;
}

}  // namespace ordo::flows
