#include "requests/order_request_json.h"

#include "configurator/model_rules.h"
#include "core/field_path.h"
#include "core/text_check.h"
#include "jsonio/field_reader.h"

namespace ordo::requests {
using flows::PlaceOrderLine;
using flows::PlaceOrderRequest;
using nlohmann::json;

flows::LineConfigurationRequest ReadLineConfiguration(jsonio::FieldReader& r, const json& c,
                                                      const std::string& at,
                                                      std::vector<FieldError>& errors) {
  flows::LineConfigurationRequest out;
  r.OnlyKnown(c, {"configurator", "answers"}, at);
  out.configurator =
      r.String(c, "configurator", FieldPath(at, "configurator"), configurator::kModelCode, true);
  const std::string answers_at = FieldPath(at, "answers");
  const json* answers = r.Object(c, "answers", answers_at, true);
  if (answers && answers->size() > configurator::kMaxQuestions) {
    r.Fail(answers_at, "too_many", "a configurator asks at most 20 questions");
    return out;
  }
  for (auto it = answers ? answers->begin() : json::const_iterator();
       answers && it != answers->end(); ++it) {
    const std::string path = FieldPath(answers_at, it.key());
    if (it->is_null()) {
      out.answers[it.key()] = std::nullopt;
    } else if (!it->is_string() || it->get<std::string>().empty()) {
      r.Fail(path, "invalid_type", "an answer is a value code, or null for none");
    } else if (CheckText(it->get<std::string>(), configurator::kValueCode, path, errors)) {
      out.answers[it.key()] = it->get<std::string>();
    }
  }
  return out;
}

void ReadManualPrice(jsonio::FieldReader& r, const json& l, const std::string& at,
                     std::optional<std::string>& unit_price, std::string& override_reason) {
  unit_price = r.Decimal(l, "unit_price", FieldPath(at, "unit_price"), false);
  override_reason = r.String(l, "override_reason", FieldPath(at, "override_reason"),
                             text_limits::kOverrideReason, false);
}

LineItem ReadLineItem(jsonio::FieldReader& r, const json& l, const std::string& at, bool required,
                      std::vector<FieldError>& errors) {
  LineItem item;
  const bool by_part = jsonio::FieldReader::Has(l, "customer_part_number");
  const json* configuration = r.Object(l, "configuration", FieldPath(at, "configuration"), false);
  item.sku = r.String(l, "sku", FieldPath(at, "sku"), text_limits::kSku,
                      required && !by_part && configuration == nullptr);
  if (configuration) {
    item.configuration =
        ReadLineConfiguration(r, *configuration, FieldPath(at, "configuration"), errors);
    if (by_part || jsonio::FieldReader::Has(l, "sku")) {
      r.Fail(FieldPath(at, "configuration"), "conflicting_fields",
             "a configured line gives no sku or customer_part_number");
    }
  }
  if (by_part) {
    item.customer_part_number =
        r.String(l, "customer_part_number", FieldPath(at, "customer_part_number"),
                 text_limits::kCustomerPartNumber, true);
    if (jsonio::FieldReader::Has(l, "sku")) {
      r.Fail(FieldPath(at, "customer_part_number"), "conflicting_fields",
             "a line gives either sku or customer_part_number");
    }
  }
  return item;
}

PlaceOrderRequest ReadPlaceOrderJson(const json& doc, std::string_view default_channel,
                                     std::vector<FieldError>& errors) {
  jsonio::FieldReader r(errors);
  PlaceOrderRequest req;
  req.channel = std::string(default_channel);
  r.OnlyKnown(doc,
              {"customer", "ship_to", "po_number", "channel", "requested_date",
               "allow_partial_shipment", "currency", "lines"},
              "");
  req.customer = r.String(doc, "customer", "customer", text_limits::kCustomerCode, true);
  req.ship_to = r.String(doc, "ship_to", "ship_to", text_limits::kShipToCode, false);
  req.po_number = r.String(doc, "po_number", "po_number", text_limits::kPoNumber, false);
  // Optional with a default: null, like absence, keeps the default (FieldReader's rule).
  if (auto channel = r.OptionalString(doc, "channel", "channel")) req.channel = *channel;
  if (auto currency = r.OptionalString(doc, "currency", "currency")) req.currency = *currency;
  if (auto it = doc.find("requested_date"); it != doc.end() && !it->is_null()) {
    req.requested_date = r.String(doc, "requested_date", "requested_date", true);
  }
  if (auto it = doc.find("allow_partial_shipment"); it != doc.end() && !it->is_null()) {
    if (it->is_boolean()) {
      req.allow_partial_shipment = it->get<bool>();
    } else {
      r.Fail("allow_partial_shipment", "invalid_type", "allow_partial_shipment is true or false");
    }
  }
  auto lines = doc.find("lines");
  if (lines == doc.end() || lines->is_null()) {
    r.Fail("lines", "required", "lines are required");
  } else if (!lines->is_array()) {
    r.Fail("lines", "invalid_type", "lines must be an array");
  } else {
    for (size_t i = 0; i < lines->size(); ++i) {
      const json& l = (*lines)[i];
      const std::string at = ElementPath("lines", i);
      PlaceOrderLine line;
      if (!l.is_object()) {
        r.Fail(at, "invalid_type", "a line must be an object");
        req.lines.push_back(line);
        continue;
      }
      r.OnlyKnown(l,
                  {"sku", "customer_part_number", "quantity", "uom", "unit_price",
                   "override_reason", "configuration"},
                  at);
      LineItem item = ReadLineItem(r, l, at, true, errors);
      line.sku = std::move(item.sku);
      line.customer_part_number = std::move(item.customer_part_number);
      line.configuration = std::move(item.configuration);
      line.quantity = r.Decimal(l, "quantity", FieldPath(at, "quantity"), true).value_or("");
      line.uom = r.String(l, "uom", FieldPath(at, "uom"), text_limits::kUom, false);
      ReadManualPrice(r, l, at, line.unit_price, line.override_reason);
      req.lines.push_back(std::move(line));
    }
  }
  return req;
}

Result<PlaceOrderRequest> ParsePlaceOrderJson(std::string_view body,
                                              std::string_view default_channel) {
  std::vector<FieldError> errors;
  Result<json> parsed = jsonio::ParseJsonObject(body);
  if (!parsed.ok()) return parsed.status();
  PlaceOrderRequest req = ReadPlaceOrderJson(*parsed, default_channel, errors);
  if (!errors.empty()) {
    return Status::InvalidArgument("the order has invalid fields", std::move(errors));
  }
  return req;
}

}  // namespace ordo::requests
