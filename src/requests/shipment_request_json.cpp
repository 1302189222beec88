#include "requests/shipment_request_json.h"

#include <algorithm>

#include "core/decimal_syntax.h"
#include "core/field_path.h"
#include "jsonio/field_reader.h"

namespace ordo::requests {
namespace {

using nlohmann::json;

// A weight is a decimal above zero ("12.5", 3); kept as its exact text.
bool IsPositiveDecimal(const std::string& text) {
  auto parts = internal::SplitDecimal(text);
  if (!parts || parts->negative) return false;
  for (char c : parts->whole) {
    if (c != '0') return true;
  }
  for (char c : parts->fraction) {
    if (c != '0') return true;
  }
  return false;
}

std::string RequiredText(jsonio::FieldReader& r, const json& doc, const char* key,
                         TextLimit limit) {
  if (!jsonio::FieldReader::Has(doc, key)) {
    r.Fail(key, "required", std::string(key) + " is required");
    return "";
  }
  std::string text = r.String(doc, key, key, limit, true);
  if (doc[key].is_string() && doc[key].get_ref<const std::string&>().empty()) {
    r.Fail(key, "required", std::string(key) + " must not be empty");
  }
  return text;
}

}  // namespace

Result<flows::ShipmentConfirmation> ParseShipmentConfirmationJson(std::string_view body) {
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  const json& doc = *parsed;
  std::vector<FieldError> errors;
  jsonio::FieldReader r(errors);
  r.OnlyKnown(doc, {"carrier", "service", "tracking_number", "packages", "freight", "lines"}, "");
  flows::ShipmentConfirmation c;
  c.carrier = RequiredText(r, doc, "carrier", text_limits::kCarrier);
  c.service = RequiredText(r, doc, "service", text_limits::kCarrierService);
  c.tracking_number = RequiredText(r, doc, "tracking_number", text_limits::kTrackingNumber);
  if (const json* packages = r.Array(doc, "packages", "packages", true)) {
    if (packages->empty()) r.Fail("packages", "required", "at least one package is required");
    for (size_t i = 0; i < packages->size(); ++i) {
      const json& p = (*packages)[i];
      const std::string at = ElementPath("packages", i);
      if (!p.is_object()) {
        r.Fail(at, "invalid_type", "a package must be an object");
        continue;
      }
      r.OnlyKnown(p, {"weight"}, at);
      const std::string weight_at = FieldPath(at, "weight");
      std::optional<std::string> weight = r.Decimal(p, "weight", weight_at, true);
      if (weight && !IsPositiveDecimal(*weight)) {
        r.Fail(weight_at, "out_of_range", "a weight is a decimal above zero");
      }
      c.packages.push_back({weight.value_or("")});
    }
  }
  if (auto freight = r.Amount(doc, "freight", "freight", false)) {
    if (freight->is_negative() || !freight->IsExactAt(2)) {
      r.Fail("freight", "out_of_range", "freight is 0 or more, in whole cents");
    } else {
      c.freight = *freight;
    }
  }
  if (const json* lines = r.Array(doc, "lines", "lines", false)) {
    std::vector<int> seen;
    for (size_t i = 0; i < lines->size(); ++i) {
      const json& l = (*lines)[i];
      const std::string at = ElementPath("lines", i);
      if (!l.is_object()) {
        r.Fail(at, "invalid_type", "a line must be an object");
        continue;
      }
      r.OnlyKnown(l, {"line_no", "quantity"}, at);
      const std::string line_no_at = FieldPath(at, "line_no");
      const std::string quantity_at = FieldPath(at, "quantity");
      std::optional<int64_t> line_no = r.Integer(l, "line_no", line_no_at, true);
      std::optional<int64_t> quantity = r.Integer(l, "quantity", quantity_at, true);
      if (line_no && (*line_no < 1 || *line_no > 1000000)) {
        r.Fail(line_no_at, "out_of_range", "line_no starts at 1");
        line_no.reset();
      }
      if (quantity && *quantity < 0) {
        r.Fail(quantity_at, "out_of_range", "a shipped quantity is 0 or more");
      }
      if (line_no) {
        int no = static_cast<int>(*line_no);
        if (std::find(seen.begin(), seen.end(), no) != seen.end()) {
          r.Fail(line_no_at, "duplicate", "line " + std::to_string(no) + " is given twice");
        }
        seen.push_back(no);
      }
      c.lines.push_back({static_cast<int>(line_no.value_or(0)), quantity.value_or(0)});
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("invalid confirmation", std::move(errors));
  return c;
}

}  // namespace ordo::requests
