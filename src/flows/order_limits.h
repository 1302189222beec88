// The largest order Ordo takes, per line and per order, in the item's base units.
//
// A quantity no distributor ships is a typing error (an extra zero, a pallet count typed as
// each) or an attack: on a credit hold, an absurd order blocks the customer's credit until
// someone cancels it. The defaults are far beyond any real line of a wholesale order (a
// million eaches is a thousand pallets of a thousand), so they refuse only mistakes; a
// distributor that sells by the gram or millilitre raises them with `ordo serve`'s settings
// ([orders] max_line_quantity and max_order_quantity in the TOML file, or
// ORDO_MAX_LINE_QUANTITY and ORDO_MAX_ORDER_QUANTITY), which reach api::ApiContext.
//
// The amount bound is not configurable: an order's value is kept in the customer's running
// open-order figure and summed into exposure, and at most one billion currency units per
// order (as for every amount a request carries, jsonio::FieldReader::kMaxAmountWhole) keeps
// those sums far from 64-bit overflow.
#pragma once

#include <cstdint>

namespace ordo::flows {

struct OrderLimits {
  int64_t max_line_quantity = 1'000'000;    // base units on one line
  int64_t max_order_quantity = 10'000'000;  // base units on all lines of one order
};

// The largest value (extended amount of a line, and subtotal) of one order, in whole units.
inline constexpr int64_t kMaxOrderAmountWhole = 1'000'000'000;

}  // namespace ordo::flows
