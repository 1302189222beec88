// Placing a sales order: validate, price, check credit, allocate, record. One unit of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/command_context.h"
#include "flows/order_limits.h"
#include "flows/place_order_request.h"
#include "inventory/warehouse.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

// Places an order and returns it as stored.
//
// Validation reports every problem at once as invalid_argument with field errors: unknown
// customer or ship-to, bad channel, date or currency, no lines, unknown or inactive SKU,
// unknown unit of measure, a quantity that is not a positive whole number of its unit, a
// manual price that is malformed or has no reason; a line beyond `limits.max_line_quantity`
// base units, lines together beyond `limits.max_order_quantity`, or a line value or subtotal
// beyond kMaxOrderAmountWhole ("out_of_range" at "lines/<i>/quantity", or at
// "lines/<i>/unit_price" for a manual price). Nothing is written when any is found.
//
// A customer on hold, or an order that would take the customer's exposure (open orders +
// open receivables) past its credit limit, is accepted on a credit hold and allocates
// nothing. Otherwise each line is allocated across warehouses, and what no warehouse has is
// backordered; stock is never allocated beyond what is available.
Result<orders::Order> PlaceOrder(store::Connection& conn, const CommandContext& ctx,
                                 const PlaceOrderRequest& request, const OrderLimits& limits = {});

// Order entry in two steps, so that validation and pricing run beside the single writer:
// PrepareOrder on a read connection, then PlacePreparedOrder as the writer's command.

// A request validated and priced against the reference data as of `reference_version`
// (flows/reference_version.h): the order's header and lines without number, ids or
// allocations, and what the writer needs to check credit and allocate.
struct PreparedOrder {
  int64_t reference_version = 0;
  Date pricing_date;  // the day the lines were priced on
  orders::Order order;
  bool customer_on_hold = false;
  Money credit_limit;
  std::optional<WarehouseId> preferred_warehouse;
  std::vector<inventory::Warehouse> warehouses;  // by rank, then id
  OrderLimits limits;  // what it was validated against; the writer validates again with them
};

// Validates and prices `request` on `pricing_date` (default: today, UTC), reporting every
// problem at once exactly as PlaceOrder does. Writes nothing, so it may run on a read
// connection; it reads the reference version before the data, so any change committed after
// that reading changes the version the writer sees. Lines are priced by a BasketPricer
// (flows/basket_pricing.h), as the price quote prices them.
Result<PreparedOrder> PrepareOrder(store::Connection& conn, const PlaceOrderRequest& request,
                                   const OrderLimits& limits = {},
                                   std::optional<Date> pricing_date = std::nullopt);

// The placed order and its JSON as the audit record stored it (orders::OrderJson).
struct PlacedOrder {
  orders::Order order;
  std::string json;
};

// Places an order prepared by PrepareOrder from the same `request`: numbering, credit check,
// allocation and every row, as PlaceOrder. When the reference data changed since it was
// prepared, or it was priced on another day than ctx.now's, the request is validated and
// priced again here first, so the order is never placed on stale prices, items or customers.
Result<PlacedOrder> PlacePreparedOrder(store::Connection& conn, const CommandContext& ctx,
                                       const PlaceOrderRequest& request,
                                       const PreparedOrder& prepared);

}  // namespace ordo::flows
