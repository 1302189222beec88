#include "orders/order_json.h"

#include "core/clock.h"

namespace ordo::orders {
namespace {

int MinorDigits(const std::string& currency) {
  auto c = FindCurrency(currency);
  return c ? c->minor_digits : 2;
}

nlohmann::json LineJson(const OrderLine& l, bool on_hold, int digits) {
  nlohmann::json allocations = nlohmann::json::array();
  for (const auto& a : l.allocations) {
    allocations.push_back({{"warehouse", a.warehouse_code}, {"quantity", a.quantity}});
  }
  nlohmann::json j = {{"line_no", l.line_no},
                      {"sku", l.sku},
                      {"quantity", l.quantity},
                      {"entered_quantity", l.entered_quantity},
                      {"uom", l.entered_uom},
                      {"quantity_allocated", l.quantity_allocated()},
                      {"quantity_backordered", on_hold ? 0 : l.quantity_unallocated()},
                      {"quantity_shipped", l.quantity_shipped},
                      {"quantity_invoiced", l.quantity_invoiced},
                      {"quantity_cancelled", l.quantity_cancelled},
                      {"unit_price", l.unit_price.Format(4)},
                      {"price_source", l.price_source},
                      {"extended_amount", l.extended_amount.Format(digits)},
                      {"allocations", allocations}};
  if (l.override_reason) j["override_reason"] = *l.override_reason;
  return j;
}

}  // namespace

nlohmann::json ToJson(const Order& o) {
  OrderStatus status = DeriveStatus(o);
  bool on_hold = o.has_active_hold();
  int digits = MinorDigits(o.currency);
  nlohmann::json holds = nlohmann::json::array();
  for (const auto& h : o.holds) {
    if (h.active()) holds.push_back({{"kind", h.kind}, {"reason", h.reason}});
  }
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& l : o.lines) lines.push_back(LineJson(l, on_hold, digits));
  nlohmann::json j = {
      {"id", o.id.value()},
      {"number", o.number},
      {"version", o.version},
      {"customer", o.customer_code},
      {"ship_to", o.ship_to_code},
      {"po_number", o.po_number},
      {"channel", o.channel},
      {"requested_date", o.requested_date ? nlohmann::json(FormatDate(*o.requested_date))
                                          : nlohmann::json()},
      {"allow_partial_shipment", o.allow_partial_shipment},
      {"status", StatusName(status)},
      {"holds", holds},
      {"currency", o.currency},
      {"lines", lines},
      {"subtotal", o.subtotal.Format(digits)},
      {"tax", o.tax.Format(digits)},
      {"freight", o.freight.Format(digits)},
      {"total", o.total().Format(digits)},
      {"created_by", o.created_by},
      {"created_at", FormatRfc3339(o.created_at)},
      {"updated_at", FormatRfc3339(o.updated_at)},
  };
  if (o.cancel_reason) j["cancel_reason"] = *o.cancel_reason;
  return j;
}

}  // namespace ordo::orders
