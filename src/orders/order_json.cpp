#include "orders/order_json.h"

#include "core/clock.h"
#include "jsonio/json_writer.h"

namespace ordo::orders {
namespace {

using jsonio::JsonWriter;

int MinorDigits(const std::string& currency) {
  auto c = FindCurrency(currency);
  return c ? c->minor_digits : 2;
}

void WriteLine(JsonWriter& w, const OrderLine& l, bool on_hold, int digits) {
  w.BeginObject()
      .Field("line_no", l.line_no)
      .Field("sku", l.sku)
      .Field("quantity", l.quantity)
      .Field("entered_quantity", l.entered_quantity)
      .Field("uom", l.entered_uom)
      .Field("quantity_allocated", l.quantity_allocated())
      .Field("quantity_backordered", on_hold ? int64_t{0} : l.quantity_unallocated())
      .Field("quantity_shipped", l.quantity_shipped)
      .Field("quantity_invoiced", l.quantity_invoiced)
      .Field("quantity_cancelled", l.quantity_cancelled)
      .Field("quantity_returned", l.quantity_returned)
      .Field("unit_price", l.unit_price.Format(4))
      .Field("price_source", l.price_source)
      .Field("price_explanation", l.price_explanation)
      .Field("extended_amount", l.extended_amount.Format(digits))
      // A rate in ppm is a percentage with four decimals, Money's scale: "8.875" for 88750.
      .Field("tax_rate_percent", Money::FromUnits(l.tax_rate_ppm).Format(0))
      .Field("tax_amount", l.tax_amount.Format(digits))
      .Field("unit_cost", l.unit_cost.Format(4));
  if (l.override_reason) w.Field("override_reason", *l.override_reason);
  if (l.customer_part_number) w.Field("customer_part_number", *l.customer_part_number);
  if (l.configuration) w.Key("configuration").Raw(*l.configuration);
  if (l.requested_date) w.Field("requested_date", FormatDate(*l.requested_date));
  w.Key("allocations").BeginArray();
  for (const auto& a : l.allocations) {
    w.BeginObject().Field("warehouse", a.warehouse_code).Field("quantity", a.quantity).EndObject();
  }
  w.EndArray().EndObject();
}

}  // namespace

std::string OrderJson(const Order& o) {
  OrderStatus status = DeriveStatus(o);
  bool on_hold = o.has_active_hold();
  int digits = MinorDigits(o.currency);
  JsonWriter w;
  w.BeginObject()
      .Field("id", o.id.value())
      .Field("number", o.number)
      .Field("version", o.version)
      .Field("customer", o.customer_code)
      .Field("ship_to", o.ship_to_code)
      .Field("po_number", o.po_number)
      .Field("channel", o.channel);
  w.Key("requested_date");
  if (o.requested_date) {
    w.String(FormatDate(*o.requested_date));
  } else {
    w.Null();
  }
  w.Field("allow_partial_shipment", o.allow_partial_shipment)
      .Field("status", StatusName(status))
      .Key("holds")
      .BeginArray();
  for (const auto& h : o.holds) {
    if (h.active()) w.BeginObject().Field("kind", h.kind).Field("reason", h.reason).EndObject();
  }
  w.EndArray().Field("currency", o.currency).Key("lines").BeginArray();
  for (const auto& l : o.lines) WriteLine(w, l, on_hold, digits);
  w.EndArray()
      .Field("subtotal", o.subtotal.Format(digits))
      .Field("tax", o.tax.Format(digits))
      .Field("freight", o.freight.Format(digits))
      .Field("total", o.total().Format(digits))
      .Field("created_by", o.created_by)
      .Field("created_at", FormatRfc3339(o.created_at))
      .Field("updated_at", FormatRfc3339(o.updated_at));
  if (o.tax_exemption) w.Field("tax_exemption", *o.tax_exemption);
  if (o.cancel_reason) w.Field("cancel_reason", *o.cancel_reason);
  w.EndObject();
  return w.Take();
}

nlohmann::json ToJson(const Order& o) {
  return nlohmann::json::parse(OrderJson(o));
}

}  // namespace ordo::orders
