// Reading a place-order request from its JSON form (the API body; also `ordo order place`).
//
// Every problem is reported at once with its field path: wrong types ("lines/0/quantity" given
// as an object), unknown fields, missing required fields. Numbers may be JSON numbers or
// strings; they are kept as their decimal text and never pass through a double.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "flows/place_order_request.h"
#include "jsonio/field_reader.h"

namespace ordo::requests {

// Parses `body` (JSON text). Errors: invalid_argument with field errors; a body that is not
// JSON at all has one error with field "" and code "malformed_json".
// `default_channel` is the channel of a body that names none (the portal's is "portal").
Result<flows::PlaceOrderRequest> ParsePlaceOrderJson(std::string_view body,
                                                     std::string_view default_channel = "api");

// A line's "configuration" object at `at`: {"configurator", "answers": {"<question>": "<value>"
// | null}}, as order lines and price quote lines give it. Problems go to `r` and `errors`.
flows::LineConfigurationRequest ReadLineConfiguration(jsonio::FieldReader& r,
                                                      const nlohmann::json& c,
                                                      const std::string& at,
                                                      std::vector<FieldError>& errors);

// What a line at `at` names: our SKU, the customer's own part number (PrepareOrder maps it to
// the SKU) or a configuration (its SKU comes from its answers), one of them; with `required`
// false a line may name none (an order change's existing line). Order lines, price quote lines
// and an order change's added lines read it alike. Problems go to `r` and `errors`.
struct LineItem {
  std::string sku;
  std::optional<std::string> customer_part_number;
  std::optional<flows::LineConfigurationRequest> configuration;
};
LineItem ReadLineItem(jsonio::FieldReader& r, const nlohmann::json& l, const std::string& at,
                      bool required, std::vector<FieldError>& errors);

// A line's manual price at `at`: "unit_price" (a JSON number or string, kept as its decimal
// text) and "override_reason", both optional here (flows/manual_price.h judges them), as order
// lines and price quote lines give them. Problems go to `r`.
void ReadManualPrice(jsonio::FieldReader& r, const nlohmann::json& l, const std::string& at,
                     std::optional<std::string>& unit_price, std::string& override_reason);

// The same from a parsed body, adding its problems to `errors` (a quote's body is an order's
// with more fields: requests/quote_request_json.h).
flows::PlaceOrderRequest ReadPlaceOrderJson(const nlohmann::json& doc,
                                            std::string_view default_channel,
                                            std::vector<FieldError>& errors);

}  // namespace ordo::requests
