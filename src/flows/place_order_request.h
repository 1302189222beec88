// What a channel gives to place an order, before any validation.
//
// Numbers arrive as the text the user wrote ("12", "1.5", "2.1250") so that every problem,
// a malformed number included, is found and reported in one pass by PlaceOrder().
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ordo::flows {

// A configurable product's answers (src/configurator/): the line's SKU and price come from them.
struct LineConfigurationRequest {
  std::string configurator;  // the model's code
  // Question code → value code, or nullopt for an optional question answered "none".
  std::map<std::string, std::optional<std::string>> answers;
};

struct PlaceOrderLine {
  std::string sku;  // empty when the line gives customer_part_number or configuration
  std::string quantity;                   // decimal text; must be a positive whole number of `uom`
  std::string uom;                        // empty: the item's base unit
  std::optional<std::string> unit_price;  // manual override, decimal text
  std::string override_reason;
  // The customer's own number for the item (catalog/customer_part_number.h), instead of the
  // SKU: PrepareOrder maps it to the SKU, and to the unit when the line gives none.
  std::optional<std::string> customer_part_number;
  std::optional<LineConfigurationRequest> configuration;  // instead of `sku`
};

struct PlaceOrderRequest {
  std::string customer;  // customer code
  std::string ship_to;   // ship-to code; empty: the customer's first ship-to
  std::string po_number;
  std::string channel = "api";
  std::optional<std::string> requested_date;  // YYYY-MM-DD
  bool allow_partial_shipment = true;
  std::string currency = "USD";
  std::vector<PlaceOrderLine> lines;
};

}  // namespace ordo::flows
