#include "flows/price_quote.h"

#include "catalog/item_repository.h"
#include "core/field_path.h"
#include "customers/customer_repository.h"
#include "flows/basket_pricing.h"

namespace ordo::flows {
namespace {

// Checks and prices one line; its problems go to `out.errors`, as placement would name them.
void QuoteLine(const std::unordered_map<std::string, catalog::Item>& items,
               const QuoteLineRequest& in, size_t i, const BasketPricer& pricer,
               const OrderLimits& limits, QuotedLine& out) {
  const std::string at = ElementPath("lines", i);
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
    if (auto price = pricer.Price(*out.item, 1); price.ok()) out.price = *price;
    return;
  }
  auto base = out.item->Conversions().ToBase(Quantity{*amount, out.uom});
  if (auto price = pricer.Price(*out.item, base.ok() ? *base : 1); price.ok()) {
    out.price = *price;
  }
  if (!base.ok() || *base > limits.max_line_quantity) {
    out.errors.push_back(
        {FieldPath(at, "quantity"), "out_of_range",
         "a line has at most " + std::to_string(limits.max_line_quantity) + " " + out.item->uom});
    return;
  }
  out.base_quantity = *base;
  if (!out.price) return;
  std::optional<Money> extended = out.price->unit_price.CheckedMul(*base);
  if (!extended || *extended > Money::FromWhole(kMaxOrderAmountWhole)) {
    out.errors.push_back({FieldPath(at, "quantity"), "out_of_range",
                          "a line's value is at most " + std::to_string(kMaxOrderAmountWhole)});
    return;
  }
  out.extended_amount = pricing::ExtendedAmount(out.price->unit_price, *base, kUsd);
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
  if (!errors.empty()) return Status::InvalidArgument("the quote has invalid fields", errors);

  Quote quote;
  quote.customer = std::move(*customer);
  quote.date = request.date.value_or(today);
  std::vector<std::string> skus;
  for (const auto& line : request.lines) skus.push_back(line.sku);
  auto items = catalog::FindItemsBySku(conn, skus);
  const BasketPricer pricer(conn, quote.customer, items, quote.date, "USD");
  if (pricer.tier()) quote.price_tier = pricer.tier()->code;
  quote.price_list = pricer.candidates().price_list_code();
  quote.customer_group = pricer.candidates().customer_group();
  quote.lines.resize(request.lines.size());
  for (size_t i = 0; i < request.lines.size(); ++i) {
    QuotedLine& line = quote.lines[i];
    QuoteLine(items, request.lines[i], i, pricer, limits, line);
    if (line.item) line.stock = inventory::StockByWarehouse(conn, line.item->id);
    if (line.extended_amount) quote.subtotal += *line.extended_amount;
  }
  return quote;
}

}  // namespace ordo::flows
