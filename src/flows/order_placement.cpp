#include "flows/order_placement.h"

#include "audit/audit_log.h"
#include "catalog/item_repository.h"
#include "core/field_path.h"
#include "core/text_check.h"
#include "customers/credit.h"
#include "customers/customer_repository.h"
#include "events/outbox.h"
#include "flows/basket_pricing.h"
#include "flows/order_allocation.h"
#include "flows/reference_version.h"
#include "inventory/warehouse_repository.h"
#include "jsonio/json_writer.h"
#include "orders/order_json.h"
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

// Adds the line's problems to `errors` (paths under "lines/<i>/"); fills `out` when none.
// Each check that does not depend on another runs, so one pass reports everything.
void ValidateLine(const std::unordered_map<std::string, catalog::Item>& items,
                  const PlaceOrderLine& in, size_t i, const Validated& v,
                  const BasketPricer* pricer, const OrderLimits& limits, orders::OrderLine& out,
                  std::vector<FieldError>& errors) {
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
  std::optional<Money> manual;
  if (in.unit_price) {
    auto price = Money::Parse(*in.unit_price);
    if (!price.ok()) {
      errors.push_back(
          {FieldPath(at, "unit_price"), "invalid_price", "a price is a decimal number"});
    } else if (price->is_negative()) {
      errors.push_back(
          {FieldPath(at, "unit_price"), "out_of_range", "a unit price cannot be negative"});
    } else {
      manual = *price;
    }
    if (in.override_reason.empty()) {
      errors.push_back(
          {FieldPath(at, "override_reason"), "required", "a manual price needs a reason"});
    } else if (auto problem = CheckText(in.override_reason, text_limits::kOverrideReason,
                                        FieldPath(at, "override_reason"))) {
      errors.push_back(std::move(*problem));
    }
  }
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
  out.price_explanation = price->explanation;
  if (manual) out.override_reason = in.override_reason;
  if (out.quantity > limits.max_line_quantity) {
    errors.push_back(
        {FieldPath(at, "quantity"), "out_of_range",
         "a line has at most " + std::to_string(limits.max_line_quantity) + " " + item->uom});
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

// Adds the order's value to the customer's open orders and returns the credit hold the order
// needs, if any: the customer is on hold, or its exposure (open orders, this one included, plus
// open receivables) now passes its limit.
std::optional<orders::Hold> CreditCheck(store::Connection& conn, const orders::Order& order,
                                        bool on_hold, Money credit_limit, Timestamp now) {
  customers::CreditPosition pos =
      customers::AddOpenOrderValueReturning(conn, order.customer, order.subtotal, credit_limit);
  if (on_hold) {
    return orders::Hold{0, "credit",
                        "customer_on_hold: customer " + order.customer_code + " is on hold", now};
  }
  if (pos.exposure() > pos.credit_limit) {
    return orders::Hold{0, "credit",
                        "credit_limit_exceeded: exposure " + pos.exposure().Format(2) +
                            " would exceed the credit limit " + pos.credit_limit.Format(2),
                        now};
  }
  return std::nullopt;
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
  auto hold = CreditCheck(conn, order, p.customer_on_hold, p.credit_limit, ctx.now);
  Reservation reservation;
  if (hold) {
    order.holds.push_back(*hold);
  } else {
    reservation = ReserveStock(conn, order, p.preferred_warehouse, p.warehouses);
  }
  orders::InsertOrder(conn, order);
  if (hold) {
    order.holds.back().id = orders::InsertHold(conn, order.id, *hold);
  } else {
    RecordReservation(conn, ctx, order, reservation);
  }
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
  if (hold) {
    events::Publish(conn, ctx, "order.held", "order", order.id.value(),
                    {{"id", order.id.value()}, {"kind", hold->kind}, {"reason", hold->reason}});
  } else if (allocated > 0) {
    jsonio::JsonWriter payload;
    payload.BeginObject().Field("id", order.id.value()).Field("quantity", allocated).EndObject();
    events::PublishText(conn, ctx, "order.allocated", "order", order.id.value(), payload.text());
  }
  return PlacedOrder{std::move(order), std::move(after)};
}

}  // namespace

Result<PreparedOrder> PrepareOrder(store::Connection& conn, const PlaceOrderRequest& r,
                                   const OrderLimits& limits, std::optional<Date> pricing_date) {
  PreparedOrder p;
  p.limits = limits;
  p.pricing_date = pricing_date ? *pricing_date : DateOf(SystemClock().Now());
  p.reference_version = ReadReferenceVersion(conn);
  std::vector<FieldError> errors;
  Validated v;
  ValidateHeader(conn, r, v, errors);
  orders::Order& order = p.order;
  order.lines.resize(std::min(r.lines.size(), kMaxLines));
  std::vector<std::string> skus;
  for (size_t i = 0; i < order.lines.size(); ++i) skus.push_back(r.lines[i].sku);
  auto items = catalog::FindItemsBySku(conn, skus);
  std::optional<BasketPricer> pricer;
  if (v.customer_known) {
    pricer.emplace(conn, v.customer, items, p.pricing_date, std::string(v.currency.code));
  }
  for (size_t i = 0; i < order.lines.size(); ++i) {
    ValidateLine(items, r.lines[i], i, v, pricer ? &*pricer : nullptr, limits, order.lines[i],
                 errors);
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
  p.customer_on_hold = v.customer.on_hold;
  p.credit_limit = v.customer.credit_limit;
  p.preferred_warehouse = v.ship_to->preferred_warehouse;
  p.warehouses = inventory::ListWarehouses(conn);
  return p;
}

Result<PlacedOrder> PlacePreparedOrder(store::Connection& conn, const CommandContext& ctx,
                                       const PlaceOrderRequest& request,
                                       const PreparedOrder& prepared) {
  // Prices hold for the day they were resolved on: prepared yesterday, priced again today.
  const Date today = DateOf(ctx.now);
  if (ReadReferenceVersion(conn) == prepared.reference_version && prepared.pricing_date == today) {
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
