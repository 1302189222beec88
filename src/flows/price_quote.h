// Price quotes (POST /api/v1/pricing/quote): what a basket would cost a customer on a date and
// what stock there is for it, before any order is placed (the order desk prices a draft with it
// as lines are typed or pasted). Reads only; runs on a read connection and writes nothing.
//
// Each line is checked as order placement checks it (unknown or inactive SKU, a quantity that
// is not a positive whole number of its unit, an unknown unit, a line beyond the line limit)
// but a line's problems stay with the line: the other lines are still priced, so a pasted
// stocking order shows every bad line in place at once. Prices come from the same code as
// placement (flows::BasketPricer: price list, contracts, tier, breaks, promotions), so a basket
// quoted and then ordered on the same date gets the same prices and explanations while the
// rules do not change. Tax too: the priced lines are taxed as placement taxes them
// (invoicing/sales_tax.h, for the ship-to's region on the quote's date).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalog/item.h"
#include "core/clock.h"
#include "core/status.h"
#include "customers/customer.h"
#include "flows/order_limits.h"
#include "flows/place_order_request.h"
#include "inventory/stock_queries.h"
#include "pricing/price_resolution.h"
#include "store/database.h"

namespace ordo::flows {

struct QuoteLineRequest {
  std::string sku;       // empty when the line gives customer_part_number
  std::string quantity;  // decimal text, as on an order line
  std::string uom;       // empty: the item's base unit
  // The customer's own number for the item: mapped to the SKU, and to the unit when the line
  // gives none, as order placement maps it (an unknown one is "unknown_part_number").
  std::optional<std::string> customer_part_number;
  // A configurable product's answers instead of a SKU, as on an order line
  // (flows/configured_lines.h): priced at the SKU they map to plus their price adjustments.
  std::optional<LineConfigurationRequest> configuration;
  // A manual price per base unit (decimal text) with its reason, as on an order line: checked
  // as placement checks it (flows/manual_price.h; its problems are the line's) and the line
  // priced at it (price_source "manual"). The caller checks orders.override_price.
  std::optional<std::string> unit_price;
  std::string override_reason;
};

struct QuoteRequest {
  std::string customer;      // customer code
  std::string ship_to;       // ship-to code; empty: the customer's first ship-to (as on an order)
  std::optional<Date> date;  // the pricing and tax date; none: today (the caller's clock)
  std::vector<QuoteLineRequest> lines;
};

struct QuotedLine {
  std::optional<catalog::Item> item;  // absent for an unknown SKU
  std::string uom;                    // the unit the quantity is in
  std::optional<int64_t> base_quantity;
  std::optional<pricing::PriceDecision> price;  // per base unit, with source and explanation
  std::optional<Money> extended_amount;         // rounded to the currency's minor unit
  int64_t tax_rate_ppm = 0;                     // with tax_amount, when extended_amount is
  std::optional<Money> tax_amount;
  std::vector<inventory::WarehouseStock> stock;  // per warehouse, when the item is known
  std::vector<FieldError> errors;  // fields "lines/<i>/sku|quantity|uom|unit_price|override_reason"
  // A configured line's {"configurator", "answers", "description"} as JSON text, as an order
  // line keeps it.
  std::optional<std::string> configuration;
};

struct Quote {
  customers::Customer customer;
  Date date;  // what it was priced on
  std::optional<std::string> price_tier;
  std::string price_list;      // the customer's price list code, "" when none
  std::string customer_group;  // the customer's pricing group, "" when none
  std::vector<QuotedLine> lines;
  Money subtotal;                            // over the lines that have an extended amount
  Money tax;                                 // over the same lines
  std::optional<std::string> tax_exemption;  // as on an order (orders::Order::tax_exemption)
  Money total() const { return subtotal + tax; }
};

// The most lines one quote prices: an order's most.
inline constexpr size_t kMaxQuoteLines = 1000;

// Errors (invalid_argument, field errors): an unknown customer ("customer"/"unknown_customer")
// or ship-to ("ship_to"/"unknown_ship_to"),
// no lines ("lines"/"required") or more than kMaxQuoteLines ("lines"/"too_many"). Line problems
// are not errors: they are in each QuotedLine.
// `today` prices a request without a date.
Result<Quote> QuotePrices(store::Connection& conn, const QuoteRequest& request, Date today,
                          const OrderLimits& limits = {});

}  // namespace ordo::flows
