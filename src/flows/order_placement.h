// Placing a sales order: validate, price, check credit, allocate, record. One unit of work.
#pragma once

#include "core/command_context.h"
#include "flows/place_order_request.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

// Places an order and returns it as stored.
//
// Validation reports every problem at once as invalid_argument with field errors: unknown
// customer or ship-to, bad channel, date or currency, no lines, unknown or inactive SKU,
// unknown unit of measure, a quantity that is not a positive whole number of its unit, a
// manual price that is malformed or has no reason. Nothing is written when any is found.
//
// A customer on hold, or an order that would take the customer's exposure (open orders +
// open receivables) past its credit limit, is accepted on a credit hold and allocates
// nothing. Otherwise each line is allocated across warehouses, and what no warehouse has is
// backordered; stock is never allocated beyond what is available.
Result<orders::Order> PlaceOrder(store::Connection& conn, const CommandContext& ctx,
                                 const PlaceOrderRequest& request);

}  // namespace ordo::flows
