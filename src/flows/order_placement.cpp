#include "flows/order_placement.h"

#include <algorithm>

#include "approvals/approval_repository.h"
#include "approvals/rule_repository.h"
#include "audit/audit_log.h"
#include "catalog/customer_part_number.h"
#include "catalog/item_repository.h"
#include "catalog/order_quantity.h"
#include "core/field_path.h"
#include "core/text_check.h"
#include "customers/credit.h"
#include "customers/customer_repository.h"
#include "events/outbox.h"
#include "flows/basket_pricing.h"
#include "flows/configured_lines.h"
#include "flows/manual_price.h"
#include "flows/order_allocation.h"
#include "flows/reference_version.h"
#include "flows/rule_figures.h"
#include "inventory/warehouse_repository.h"
#include "invoicing/sales_tax.h"
#include "jsonio/json_writer.h"
#include "orders/order_json.h"
#include "orders/order_queries.h"
#include "orders/order_repository.h"
#include "pricing/price_resolution.h"

namespace ordo::flows {
namespace {

constexpr size_t kMaxLines = 1000;

struct Validated {
  customers::Customer customer;
  bool customer_known = false;
  const customers::ShipTo* ship_to = nullptr;
  std::optional<Date> requested_date;
  Currency currency = kUsd;
};

void ValidateHeader(store::Connection& conn, const PlaceOrderRequest& r, Validated& v,
                    std::vector<FieldError>& errors) {
  auto customer = customers::FindCustomerByCode(conn, r.customer);
  if (!customer) {
    errors.push_back({"customer", "unknown_customer", "no customer " + r.customer});
  } else {
    v.customer = std::move(*customer);
    v.customer_known = true;
    if (r.ship_to.empty()) {
      if (!v.customer.ship_tos.empty()) v.ship_to = &v.customer.ship_tos.front();
    } else {
      v.ship_to = v.customer.FindShipTo(r.ship_to);
    }
    if (v.ship_to == nullptr) {
      errors.push_back({"ship_to", "unknown_ship_to",
                        "customer " + r.customer + " has no ship-to " + r.ship_to});
    }
  }
  if (!orders::IsValidChannel(r.channel)) {
    errors.push_back({"channel", "invalid_channel",
                      "channel is one of phone, email, web, portal, edi, api, csv"});
  }
  if (r.requested_date) {
    v.requested_date = ParseDate(*r.requested_date);
    if (!v.requested_date) {
      errors.push_back({"requested_date", "invalid_date", "a date is written YYYY-MM-DD"});
    }
  }
  if (r.currency != "USD") {
    errors.push_back({"currency", "unsupported_currency", "orders are in USD"});
  }
  if (auto problem = CheckText(r.po_number, text_limits::kPoNumber, "po_number")) {
    errors.push_back(std::move(*problem));
  }
  if (r.lines.empty()) errors.push_back({"lines", "required", "an order needs at least one line"});
  if (r.lines.size() > kMaxLines) {
    errors.push_back({"lines", "too_many", "an order has at most 1000 lines"});
  }
}

// Gives each line that names a customer part number the SKU it maps to, and its unit when the
// line gives none: one query for the whole order, only when a line uses one. An unknown part
// number is an error at the line's customer_part_number and leaves its SKU empty.
void MapPartNumbers(store::Connection& conn, const Validated& v, std::vector<PlaceOrderLine>& lines,
                    std::vector<FieldError>& errors) {
  std::vector<std::string> parts;
  for (const auto& line : lines) {
    if (line.customer_part_number) parts.push_back(*line.customer_part_number);
  }
  if (parts.empty() || v.customer.id.value() == 0) return;  // unknown customer: reported
  catalog::PartNumberMap map = catalog::ResolvePartNumbers(conn, v.customer.id, parts);
  for (size_t i = 0; i < lines.size(); ++i) {
    PlaceOrderLine& line = lines[i];
    if (!line.customer_part_number) continue;
    auto found = map.find(*line.customer_part_number);
    if (found == map.end()) {
      errors.push_back(
          {FieldPath(ElementPath("lines", i), "customer_part_number"), "unknown_part_number",
           "customer " + v.customer.code + " has no part number " + *line.customer_part_number});
      continue;
    }
    line.sku = found->second.sku;
    if (line.uom.empty()) line.uom = found->second.uom;
  }
}

// Adds the line's problems to `errors` (paths under "lines/<i>/"); fills `out` and `by_rules`
// when none. Each check that does not depend on another runs, so one pass reports everything.
void ValidateLine(const std::unordered_map<std::string, catalog::Item>& items,
                  const PlaceOrderLine& in, size_t i, const Validated& v,
                  const BasketPricer* pricer, const OrderLimits& limits, orders::OrderLine& out,
                  RulePrice& by_rules, std::vector<FieldError>& errors) {
  const std::string at = ElementPath("lines", i);
  size_t before = errors.size();
  auto found = items.find(in.sku);
  const catalog::Item* item = found == items.end() ? nullptr : &found->second;
  if (!item) {
    errors.push_back({FieldPath(at, "sku"), "unknown_sku", "no item " + in.sku});
  } else if (!item->active) {
    errors.push_back(
        {FieldPath(at, "sku"), "inactive_sku", "item " + in.sku + " is not sold any more"});
  }
  auto amount = ParseWholeAmount(in.quantity);
  if (!amount.ok()) {
    const auto& e = amount.status().errors();
    std::string code = e.empty() ? "invalid_quantity" : e.front().code;
    std::string unit = in.uom.empty() ? "unit" : in.uom;
    errors.push_back({FieldPath(at, "quantity"), code,
                      code == "not_whole_units" ? "not a whole number of " + unit
                                                : "a quantity is a whole number"});
  } else if (*amount <= 0) {
    errors.push_back(
        {FieldPath(at, "quantity"), "invalid_quantity", "a quantity must be positive"});
  }
  std::string uom = in.uom.empty() && item ? item->uom : in.uom;
  bool uom_known = item && item->Conversions().UnitsPer(uom) > 0;
  if (item && !uom_known) {
    errors.push_back(
        {FieldPath(at, "uom"), "unknown_uom", "item " + in.sku + " is not sold in " + uom});
  }
  const std::optional<Money> manual =
      CheckManualPrice(in.unit_price, in.override_reason, at, errors);
  if (errors.size() != before) return;
  auto base = item->Conversions().ToBase(Quantity{*amount, uom});
  if (!base.ok()) {
    for (const auto& e : base.status().errors()) {
      errors.push_back({FieldPath(at, "quantity"), e.code, e.message});
    }
    return;
  }
  // Without a known customer (already an error) the line is priced at list only so that its
  // other problems are still reported.
  auto price =
      pricer ? pricer->Price(*item, *base, manual, in.override_reason)
             : pricing::ResolvePrice({item->list_price, std::nullopt, manual, in.override_reason});
  // A price agreed before (an accepted quote's) stands instead, as it was explained then. What
  // the rules give the line today stays its rule price: the approval rules measure a quoted
  // discount from it, as they measure a manual one.
  if (in.agreed_price && price.ok()) {
    price = pricing::PriceDecision{in.agreed_price->unit_price, in.agreed_price->source,
                                   in.agreed_price->explanation, price->rule_price,
                                   price->rule_explanation};
  }
  if (!price.ok()) {
    for (const auto& e : price.status().errors()) {
      errors.push_back({FieldPath(at, e.field), e.code, e.message});
    }
    return;
  }
  out.line_no = static_cast<int>(i + 1);
  out.item = item->id;
  out.sku = item->sku;
  out.entered_quantity = *amount;
  out.entered_uom = uom;
  out.quantity = *base;
  out.unit_price = price->unit_price;
  out.price_source = price->source;
  out.unit_cost = item->cost;
  out.price_explanation = price->explanation;
  by_rules = {price->rule_price, price->rule_explanation};
  if (manual) out.override_reason = in.override_reason;
  if (in.agreed_price) out.override_reason = in.agreed_price->override_reason;
  if (out.quantity > limits.max_line_quantity) {
    errors.push_back(
        {FieldPath(at, "quantity"), "out_of_range",
         "a line has at most " + std::to_string(limits.max_line_quantity) + " " + item->uom});
    return;
  }
  if (auto problem = catalog::CheckOrderQuantity(*item, out.quantity, FieldPath(at, "quantity"))) {
    errors.push_back(std::move(*problem));
    return;
  }
  // quantity × price, checked: a manual price is what makes it large, so it is named then.
  const std::string amount_field = FieldPath(at, manual ? "unit_price" : "quantity");
  std::optional<Money> extended = out.unit_price.CheckedMul(out.quantity);
  if (!extended || *extended > Money::FromWhole(kMaxOrderAmountWhole)) {
    errors.push_back({amount_field, "out_of_range",
                      "a line's value is at most " + std::to_string(kMaxOrderAmountWhole)});
    return;
  }
  out.extended_amount = pricing::ExtendedAmount(out.unit_price, out.quantity, v.currency);
}

// The order's totals over its valid lines: base units within limits.max_order_quantity and
// the subtotal within kMaxOrderAmountWhole, each reported at the line that passes the bound.
void CheckOrderTotals(const std::vector<orders::OrderLine>& lines,
                      const std::vector<PlaceOrderLine>& in, const OrderLimits& limits,
                      std::vector<FieldError>& errors) {
  int64_t units = 0;
  Money subtotal;
  const Money max_amount = Money::FromWhole(kMaxOrderAmountWhole);
  for (size_t i = 0; i < lines.size(); ++i) {
    units += lines[i].quantity;  // each line is at most max_line_quantity: no overflow
    if (units > limits.max_order_quantity) {
      errors.push_back({FieldPath("lines", i, "quantity"), "out_of_range",
                        "an order has at most " + std::to_string(limits.max_order_quantity) +
                            " base units on all its lines"});
      return;
    }
    subtotal += lines[i].extended_amount;  // each line is at most max_amount: no overflow
    if (subtotal > max_amount) {
      errors.push_back({FieldPath("lines", i, in[i].unit_price ? "unit_price" : "quantity"),
                        "out_of_range",
                        "an order's value is at most " + std::to_string(kMaxOrderAmountWhole)});
      return;
    }
  }
}

// Taxes the order's lines as an invoice of the whole order will (invoicing/sales_tax.h): one
// query for the region's rates and the customer's exemption on `on`.
// REQUIRES: every line valid (its SKU, as ValidateLine resolved it, among `items`).
void TaxOrder(store::Connection& conn, const Validated& v,
              const std::unordered_map<std::string, catalog::Item>& items, Date on,
              orders::Order& order) {
  invoicing::TaxRule rule = invoicing::LoadTaxRule(conn, v.customer.id, v.customer.tax_exempt,
                                                   v.ship_to->address.region, on);
  std::vector<invoicing::TaxableLine> taxable;
  taxable.reserve(order.lines.size());
  for (size_t i = 0; i < order.lines.size(); ++i) {
    taxable.push_back(
        {items.at(order.lines[i].sku).tax_class, order.lines[i].extended_amount, Money()});
  }
  std::vector<invoicing::LineTax> taxes = invoicing::TaxLines(rule, taxable, v.currency);
  order.tax = Money();
  for (size_t i = 0; i < order.lines.size(); ++i) {
    order.lines[i].tax_rate_ppm = taxes[i].rate_ppm;
    order.lines[i].tax_amount = taxes[i].tax;
    order.tax += taxes[i].tax;
  }
  order.tax_exemption = rule.exemption;
}

// Adds the order's value (tax included: flows/open_order_value.h) to the customer's open orders and
// returns the holds the active approval rules put it on: the prepared figures with the credit
// position as of now.
std::vector<approvals::HoldNeed> CheckRules(store::Connection& conn, const orders::Order& order,
                                            const PreparedOrder& p) {
  customers::CreditPosition pos = customers::AddOpenOrderValueReturning(
      conn, order.customer, order.subtotal + order.tax, p.credit_limit);
  approvals::OrderFigures figures = p.figures;
  figures.total = order.total();
  figures.customer_on_hold = p.customer_on_hold;
  figures.exposure = pos.exposure();
  figures.credit_limit = pos.credit_limit;
  return approvals::HoldsFor(approvals::EvaluateRules(p.rules, figures));
}

// The hold and its waiting approval, in the order's unit of work.
void InsertHeld(store::Connection& conn, orders::Order& order, size_t hold_index,
                const approvals::HoldNeed& need) {
  orders::Hold& hold = order.holds[hold_index];
  hold.id = orders::InsertHold(conn, order.id, hold);
  approvals::Approval a;
  a.order = order.id;
  a.hold_id = hold.id;
  a.kind = hold.kind;
  a.reason = hold.reason;
  a.rules = approvals::MatchesJson(need.matches);
  a.customer = order.customer;
  a.order_total = order.total();
  a.entered_by = order.created_by;
  a.created_at = hold.created_at;
  approvals::InsertApproval(conn, a);
}

// Writes the prepared order: number, credit check, allocation, rows, audit and events.
PlacedOrder Place(store::Connection& conn, const CommandContext& ctx, const PreparedOrder& p) {
  orders::Order order = p.order;
  order.number = orders::NextOrderNumber(conn);
  order.created_by = ctx.actor;
  order.created_at = ctx.now;
  order.updated_at = ctx.now;
  // Credit and stock are settled before the order is inserted, so it is stored with its final
  // status; the allocation rows that need its ids follow.
  std::vector<approvals::HoldNeed> holds = CheckRules(conn, order, p);
  Reservation reservation;
  for (const auto& h : holds) order.holds.push_back(orders::Hold{0, h.kind, h.reason, ctx.now});
  if (holds.empty()) reservation = ReserveStock(conn, order, p.preferred_warehouse, p.warehouses);
  orders::InsertOrder(conn, order);
  for (const auto& c : p.configurations)
    configurator::InsertLineConfiguration(conn, order.id.value(), c);
  for (size_t i = 0; i < holds.size(); ++i) InsertHeld(conn, order, i, holds[i]);
  if (holds.empty()) RecordReservation(conn, ctx, order, reservation);
  const int64_t allocated = reservation.total;

  std::string after = orders::OrderJson(order);
  audit::RecordText(conn, ctx, "order.place", "order", order.id.value(), std::nullopt, after);
  jsonio::JsonWriter summary;
  summary.BeginObject()
      .Field("id", order.id.value())
      .Field("number", order.number)
      .Field("customer", order.customer_code)
      .Field("status", orders::StatusName(orders::DeriveStatus(order)))
      .Field("total", order.total().Format(2))
      .EndObject();
  events::PublishText(conn, ctx, "order.created", "order", order.id.value(), summary.text());
  for (const auto& h : order.holds) {
    events::Publish(conn, ctx, "order.held", "order", order.id.value(),
                    {{"id", order.id.value()}, {"kind", h.kind}, {"reason", h.reason}});
  }
  if (holds.empty() && allocated > 0) {
    jsonio::JsonWriter payload;
    payload.BeginObject().Field("id", order.id.value()).Field("quantity", allocated).EndObject();
    events::PublishText(conn, ctx, "order.allocated", "order", order.id.value(), payload.text());
  }
  return PlacedOrder{std::move(order), std::move(after)};
}

// The active rules and the order's figures for them, without the credit position (the writer's):
// one query for the rules, one for the product lines' margins when a floor rule needs them, one
// indexed read for a first_order rule, nothing per line. A line's floor is its item's cost with
// its product line's minimum margin (catalog::FloorPrice).
void PrepareRuleFigures(store::Connection& conn,
                        const std::unordered_map<std::string, catalog::Item>& items,
                        const customers::Customer& customer,
                        const std::vector<RulePrice>& rule_prices, PreparedOrder& p) {
  p.rules = approvals::ListActiveRules(conn);
  const auto margins = FloorMargins(conn, p.rules, items);
  approvals::OrderFigures& f = p.figures;
  f.subtotal = p.order.subtotal;
  f.customer_code = customer.code;
  for (size_t i = 0; i < p.order.lines.size(); ++i) {
    const orders::OrderLine& l = p.order.lines[i];
    const catalog::Item& item = items.at(l.sku);  // every line was validated
    f.lines.push_back({l.line_no, l.sku, l.quantity, rule_prices[i].price,
                       rule_prices[i].explanation, l.unit_price, item.cost,
                       FloorOf(item, margins)});
  }
  for (const auto& rule : p.rules) {
    if (rule.kind == approvals::RuleKind::kFirstOrder) {
      f.first_order = !orders::CustomerHasOrders(conn, customer.id);
      break;
    }
  }
}

}  // namespace

Result<PreparedOrder> PrepareOrder(store::Connection& conn, const PlaceOrderRequest& r,
                                   const OrderLimits& limits, std::optional<Date> on) {
  PreparedOrder p;
  p.limits = limits;
  p.date = on ? *on : DateOf(SystemClock().Now());
  p.reference_version = ReadReferenceVersion(conn);
  std::vector<FieldError> errors;
  Validated v;
  ValidateHeader(conn, r, v, errors);
  orders::Order& order = p.order;
  order.lines.resize(std::min(r.lines.size(), kMaxLines));
  // Lines given by the customer's part number become lines by SKU (and unit) first.
  std::vector<PlaceOrderLine> lines(r.lines.begin(), r.lines.begin() + order.lines.size());
  MapPartNumbers(conn, v, lines, errors);
  auto configured = ResolveConfigurations(conn, lines, order.lines.size(), errors);
  std::vector<std::string> skus;
  for (size_t i = 0; i < order.lines.size(); ++i) {
    skus.push_back(configured[i] ? configured[i]->sku : lines[i].sku);
  }
  auto items = catalog::FindItemsBySku(conn, skus);
  std::optional<BasketPricer> pricer;
  if (v.customer_known) {
    pricer.emplace(conn, v.customer, items, p.date, std::string(v.currency.code),
                   p.reference_version);
  }
  const BasketPricer* pricer_ptr = pricer ? &*pricer : nullptr;
  std::vector<RulePrice> rule_prices(order.lines.size());
  for (size_t i = 0; i < order.lines.size(); ++i) {
    if (!configured[i]) {
      // A configuration that resolved to nothing has its problems already, as has an unknown
      // part number.
      if (lines[i].configuration || lines[i].sku.empty()) continue;
      ValidateLine(items, lines[i], i, v, pricer_ptr, limits, order.lines[i], rule_prices[i],
                   errors);
      order.lines[i].customer_part_number = lines[i].customer_part_number;
      continue;
    }
    // A configured line is its SKU's line, priced by the basket pricer, plus the answers'
    // adjustments.
    PlaceOrderLine line = lines[i];
    line.sku = configured[i]->sku;
    size_t before = errors.size();
    ValidateLine(items, line, i, v, pricer_ptr, limits, order.lines[i], rule_prices[i], errors);
    if (errors.size() != before) continue;
    p.configurations.push_back(
        ApplyConfiguration(*configured[i], line, i, v.currency, order.lines[i], errors));
    // The base price's reason stays, with what the answers add to it. The rules' price of a
    // configured line has the answers' adjustments too, a manual price or not.
    const Money adjustment = configured[i]->price_adjustment;
    rule_prices[i].price += adjustment;
    rule_prices[i].explanation = ConfiguredExplanation(rule_prices[i].explanation, adjustment);
    if (order.lines[i].price_source == "configured") {
      order.lines[i].price_explanation =
          ConfiguredExplanation(order.lines[i].price_explanation, adjustment);
    }
  }
  if (errors.empty()) CheckOrderTotals(order.lines, r.lines, limits, errors);
  if (!errors.empty()) {
    return Status::InvalidArgument("the order has invalid fields", std::move(errors));
  }
  order.customer = v.customer.id;
  order.customer_code = v.customer.code;
  order.ship_to = v.ship_to->id;
  order.ship_to_code = v.ship_to->code;
  order.po_number = r.po_number;
  order.channel = r.channel;
  order.requested_date = v.requested_date;
  order.allow_partial_shipment = r.allow_partial_shipment;
  order.currency = std::string(v.currency.code);
  for (const auto& l : order.lines) order.subtotal += l.extended_amount;
  TaxOrder(conn, v, items, p.date, order);
  p.customer_on_hold = v.customer.on_hold;
  p.credit_limit = v.customer.credit_limit;
  p.preferred_warehouse = v.ship_to->preferred_warehouse;
  p.warehouses = inventory::ListWarehouses(conn);
  PrepareRuleFigures(conn, items, v.customer, rule_prices, p);
  return p;
}

Result<PlacedOrder> PlacePreparedOrder(store::Connection& conn, const CommandContext& ctx,
                                       const PlaceOrderRequest& request,
                                       const PreparedOrder& prepared) {
  // Prices and taxes hold for the day they were resolved on: prepared yesterday, done again
  // today.
  const Date today = DateOf(ctx.now);
  if (ReadReferenceVersion(conn) == prepared.reference_version && prepared.date == today) {
    return Place(conn, ctx, prepared);
  }
  auto again = PrepareOrder(conn, request, prepared.limits, today);
  if (!again.ok()) return again.status();
  return Place(conn, ctx, *again);
}

Result<orders::Order> PlaceOrder(store::Connection& conn, const CommandContext& ctx,
                                 const PlaceOrderRequest& request, const OrderLimits& limits) {
  auto prepared = PrepareOrder(conn, request, limits, DateOf(ctx.now));
  if (!prepared.ok()) return prepared.status();
  return Place(conn, ctx, *prepared).order;
}

}  // namespace ordo::flows
