#include "quotes/quote_json.h"

#include "jsonio/json_writer.h"

namespace ordo::quotes {
namespace {

constexpr int kDigits = 2;  // quotes are in USD

void WriteLine(jsonio::JsonWriter& w, const QuoteLine& l, bool staff) {
  w.BeginObject()
      .Field("line_no", l.line_no)
      .Field("sku", l.sku)
      .Field("quantity", l.quantity)
      .Field("entered_quantity", l.entered_quantity)
      .Field("uom", l.entered_uom)
      .Field("unit_price", l.unit_price.Format(4))
      .Field("price_source", l.price_source)
      .Field("price_explanation", l.price_explanation)
      .Field("extended_amount", l.extended_amount.Format(kDigits))
      .Field("tax_rate_percent", Money::FromUnits(l.tax_rate_ppm).Format(0))
      .Field("tax_amount", l.tax_amount.Format(kDigits));
  if (staff) w.Field("unit_cost", l.unit_cost.Format(4));
  if (staff && l.override_reason) w.Field("override_reason", *l.override_reason);
  if (l.customer_part_number) w.Field("customer_part_number", *l.customer_part_number);
  if (l.configuration) w.Key("configuration").Raw(*l.configuration);
  w.EndObject();
}

void WriteHeader(jsonio::JsonWriter& w, const Quote& q, Date today) {
  w.Field("number", q.number)
      .Field("customer", q.customer_code)
      .Field("ship_to", q.ship_to_code)
      .Field("status", StatusName(ShownStatus(q, today)))
      .Field("expires_on", FormatDate(q.expires_on))
      .Field("current_version", q.current_version)
      .Field("currency", q.currency)
      .Field("created_by", q.created_by)
      .Field("created_at", FormatRfc3339(q.created_at))
      .Field("updated_at", FormatRfc3339(q.updated_at));
  w.Key("order");
  if (q.order_number) {
    w.String(*q.order_number);
  } else {
    w.Null();
  }
  if (q.cancel_reason) w.Field("cancel_reason", *q.cancel_reason);
}

}  // namespace

std::string QuoteJson(const Quote& q, const QuoteVersion& shown,
                      const std::vector<QuoteVersion>& versions, Date today, bool staff) {
  jsonio::JsonWriter w;
  w.BeginObject();
  WriteHeader(w, q, today);
  w.Field("version", shown.version)
      .Field("priced_on", FormatDate(shown.priced_on))
      .Field("notes", shown.notes)
      .Field("version_created_by", shown.created_by);
  if (shown.tax_exemption) w.Field("tax_exemption", *shown.tax_exemption);
  w.Key("lines").BeginArray();
  for (const auto& l : shown.lines) WriteLine(w, l, staff);
  w.EndArray()
      .Field("subtotal", shown.subtotal.Format(kDigits))
      .Field("tax", shown.tax.Format(kDigits))
      .Field("total", shown.total().Format(kDigits));
  w.Key("versions").BeginArray();
  for (const auto& v : versions) {
    w.BeginObject()
        .Field("version", v.version)
        .Field("priced_on", FormatDate(v.priced_on))
        .Field("total", v.total().Format(kDigits))
        .Field("created_by", v.created_by)
        .Field("created_at", FormatRfc3339(v.created_at))
        .EndObject();
  }
  w.EndArray().EndObject();
  return w.Take();
}

std::string QuoteSummaryJson(const Quote& q, Money total, Date today) {
  jsonio::JsonWriter w;
  w.BeginObject();
  WriteHeader(w, q, today);
  w.Field("version", q.current_version).Field("total", total.Format(kDigits)).EndObject();
  return w.Take();
}

}  // namespace ordo::quotes
