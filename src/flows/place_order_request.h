// What a channel gives to place an order, before any validation.
//
// Numbers arrive as the text the user wrote ("12", "1.5", "2.1250") so that every problem,
// a malformed number included, is found and reported in one pass by PlaceOrder().
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"

namespace ordo::flows {

// A configurable product's answers (src/configurator/): the line's SKU and price come from them.
struct LineConfigurationRequest {
  std::string configurator;  // the model's code
  // Question code → value code, or nullopt for an optional question answered "none".
  std::map<std::string, std::optional<std::string>> answers;
};

// A price agreed before the order (an accepted quote's line, flows/quote_commands.h): the line
// takes it as it is, with its source and explanation, instead of what the pricer would give
// today. Set only by flows, never from a channel's body; approval rules still judge it.
struct AgreedPrice {
  Money unit_price;
  std::string source;       // "quote:Q-000012/2"
  std::string explanation;  // "quote Q-000012 v2: contract K-17 until 2027-03-31"
  std::optional<std::string> override_reason;  // kept from a manual price
};

struct PlaceOrderLine {
  std::string sku;       // empty when the line gives customer_part_number or configuration
  std::string quantity;  // decimal text; must be a positive whole number of `uom`
  std::string uom;       // empty: the item's base unit
  std::optional<std::string> unit_price;  // manual override, decimal text
  std::string override_reason;
  // The customer's own number for the item (catalog/customer_part_number.h), instead of the
  // SKU: PrepareOrder maps it to the SKU, and to the unit when the line gives none.
  std::optional<std::string> customer_part_number;
  std::optional<LineConfigurationRequest> configuration;  // instead of `sku`
  std::optional<AgreedPrice> agreed_price;                // instead of pricing it
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
