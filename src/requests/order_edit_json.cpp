#include "requests/order_edit_json.h"

#include <limits>

#include "core/field_path.h"
#include "core/text_limits.h"
#include "jsonio/field_reader.h"
#include "requests/order_request_json.h"

namespace ordo::requests {
using nlohmann::json;

Result<flows::OrderEditRequest> ParseOrderEditJson(std::string_view body) {
  std::vector<FieldError> errors;
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  const json& doc = *parsed;
  jsonio::FieldReader r(errors);
  flows::OrderEditRequest req;
  r.OnlyKnown(doc, {"ship_to", "lines"}, "");
  r.RefuseNulls(doc, {"ship_to", "lines"}, "");
  req.ship_to = r.OptionalString(doc, "ship_to", "ship_to", text_limits::kShipToCode);
  if (const json* lines = r.Array(doc, "lines", "lines", false)) {
    for (size_t i = 0; i < lines->size(); ++i) {
      const json& l = (*lines)[i];
      const std::string at = ElementPath("lines", i);
      flows::OrderLineEdit line;
      if (!l.is_object()) {
        r.Fail(at, "invalid_type", "a line must be an object");
        continue;
      }
      r.OnlyKnown(l,
                  {"line_no", "sku", "customer_part_number", "configuration", "quantity", "uom",
                   "unit_price", "override_reason", "requested_date"},
                  at);
      // A null unit_price asks for the rules' price (below); any other null is refused.
      r.RefuseNulls(l,
                    {"line_no", "sku", "customer_part_number", "configuration", "quantity", "uom",
                     "override_reason", "requested_date"},
                    at);
      if (auto no = r.Integer(l, "line_no", FieldPath(at, "line_no"), false)) {
        if (*no < 1 || *no > std::numeric_limits<int>::max()) {
          r.Fail(FieldPath(at, "line_no"), "out_of_range", "a line number is 1 or more");
        } else {
          line.line_no = static_cast<int>(*no);
        }
      }
      // An added line names our SKU, the customer's part number or a configuration, as at
      // placement; a changed one (line_no) names none.
      LineItem item = ReadLineItem(r, l, at, !jsonio::FieldReader::Has(l, "line_no"), errors);
      line.sku = std::move(item.sku);
      line.customer_part_number = std::move(item.customer_part_number);
      line.configuration = std::move(item.configuration);
      line.quantity = r.Decimal(l, "quantity", FieldPath(at, "quantity"), false);
      line.uom = r.String(l, "uom", FieldPath(at, "uom"), text_limits::kUom, false);
      // null (not absence): back to the price the rules give the line.
      line.price_by_rules = l.contains("unit_price") && l.at("unit_price").is_null();
      if (!line.price_by_rules) {
        line.unit_price = r.Decimal(l, "unit_price", FieldPath(at, "unit_price"), false);
      }
      line.override_reason = r.String(l, "override_reason", FieldPath(at, "override_reason"),
                                      text_limits::kOverrideReason, false);
      line.requested_date = r.OptionalString(l, "requested_date", FieldPath(at, "requested_date"));
      req.lines.push_back(std::move(line));
    }
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the change has invalid fields", std::move(errors));
  }
  return req;
}

}  // namespace ordo::requests
