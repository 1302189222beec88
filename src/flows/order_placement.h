// Placing a sales order: validate, price, check credit, allocate, record. One unit of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "approvals/approval_rule.h"
#include "approvals/rule_evaluation.h"
#include "configurator/configurator_repository.h"
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
// An order that matches an active approval rule (approvals/approval_rule.h) is accepted on one
// hold per hold kind, each naming its rules and figures, with an approval waiting for each
// (approvals/approval.h), and allocates nothing. The rule CREDIT-LIMIT holds a customer on hold,
// or an order that would take the customer's exposure (open orders + open receivables) past
// its credit limit, on a credit hold. Otherwise each line is allocated across warehouses, and what
// no warehouse has is backordered; stock is never allocated beyond what is available.
Result<orders::Order> PlaceOrder(store::Connection& conn, const CommandContext& ctx,
                                 const PlaceOrderRequest& request, const OrderLimits& limits = {});

// Order entry in two steps, so that validation and pricing run beside the single writer:
// PrepareOrder on a read connection, then PlacePreparedOrder as the writer's command.

// A request validated, priced and taxed against the reference data as of `reference_version`
// (flows/reference_version.h): the order's header and lines without number, ids or
// allocations, and what the writer needs to check credit and allocate.
struct PreparedOrder {
  int64_t reference_version = 0;
  // The day the lines were priced and taxed on (price rules and exemptions are valid through
  // dates).
  Date date;
  orders::Order order;
  bool customer_on_hold = false;
  Money credit_limit;
  std::optional<WarehouseId> preferred_warehouse;
  std::vector<inventory::Warehouse> warehouses;  // by rank, then id
  OrderLimits limits;  // what it was validated against; the writer validates again with them
  // The answers of the configured lines (flows/configured_lines.h), stored with the order.
  std::vector<configurator::LineConfiguration> configurations;
  // The active approval rules (one query) and the order's figures for them; the writer adds
  // the credit figures and evaluates (approvals/rule_evaluation.h).
  std::vector<approvals::ApprovalRule> rules;
  approvals::OrderFigures figures;
};

// Validates and prices `request` on `on` (default: today by the system clock), reporting every
// problem at once exactly as PlaceOrder does, and taxes it as of the same day. Lines are priced
// by a BasketPricer (flows/basket_pricing.h), as the price quote prices them; each line is taxed
// at the rate of the ship-to's region and the item's tax class unless an exemption valid that
// day applies (invoicing/sales_tax.h, one query), so order.tax and each line's tax are what an
// invoice of the whole order bills. Writes nothing, so it may run on a read connection; it reads
// the reference version before the data, so any change committed after that reading (pricing
// rules, tax rates and exemptions included) changes the version the writer sees.
Result<PreparedOrder> PrepareOrder(store::Connection& conn, const PlaceOrderRequest& request,
                                   const OrderLimits& limits = {},
                                   std::optional<Date> on = std::nullopt);

// The placed order and its JSON as the audit record stored it (orders::OrderJson).
struct PlacedOrder {
  orders::Order order;
  std::string json;
};

// Places an order prepared by PrepareOrder from the same `request`: numbering, credit check,
// allocation and every row, as PlaceOrder. When the reference data changed since it was
// prepared, or it was priced and taxed for another day than ctx.now's, the request is
// validated, priced and taxed again here first, so the order is never placed on stale prices,
// items, customers or taxes.
Result<PlacedOrder> PlacePreparedOrder(store::Connection& conn, const CommandContext& ctx,
                                       const PlaceOrderRequest& request,
                                       const PreparedOrder& prepared);

}  // namespace ordo::flows
