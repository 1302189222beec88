// Changing a placed order (PATCH /api/v1/orders/{ref}): add lines; change a line's quantity,
// price or requested date; remove unshipped quantity; change the ship-to. One unit of work.
//
// What may change when is flows/order_edit_rules.h: never below what is shipped or on a pick
// list, the ship-to only while nothing is, no change to a cancelled or fully shipped order.
//
// The change is priced, taxed, approval- and credit-checked and allocated again as one
// command, in the writer:
// - Pricing: added lines and lines whose quantity or price the change gives are validated and
//   priced as order placement does (flows::PrepareOrder: part numbers, units, ordering rules,
//   limits, the BasketPricer on the change day), so a new quantity earns its own price (a
//   quantity break); a manual or configured price, and the price of a line with shipped
//   quantity, stay. Unchanged lines keep their prices.
// - Tax: changed and added lines are taxed on the change day for the ship-to (every line when
//   the ship-to changes); a line with shipped quantity keeps its rate.
// - The customer's open order value moves by exactly the difference of the order's open value
//   (flows/open_order_value.h) before and after.
// - Approvals: the active rules are evaluated over the changed order. A rule the order did not
//   match before the change holds it; a rule it matched already holds it again only when the
//   change raises the total or sets a price (what was decided before is not asked again for a
//   date or a smaller quantity). A hold of a kind already active is not added twice. A held
//   order allocates nothing: its allocations are released (refused while a pick list is open).
// - Otherwise the order is allocated again: lowered quantities give back what is allocated
//   beyond the new open quantity (never what is being picked), raised and added quantities are
//   allocated or backordered, and the stock given back serves other orders' backorders
//   (flows::ReleaseBackorders).
// - Audit "order.change" with the order before and after; events "order.changed", and
//   "order.held" / "order.allocated" when the change did that. The actor is recorded as one
//   who changed the order (orders::RecordChanger): segregation of duties.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/command_context.h"
#include "flows/order_limits.h"
#include "flows/place_order_request.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

// One entry of a change's "lines". With line_no it changes that line, only the fields given;
// without, it adds a line, validated and priced as a placement line.
struct OrderLineEdit {
  std::optional<int> line_no;
  std::string sku;                                  // an added line's item (or the part number)
  std::optional<std::string> customer_part_number;  // an added line's item as the customer's
  std::optional<LineConfigurationRequest> configuration;  // an added configured product
  std::optional<std::string> quantity;    // decimal text, in `uom`; "0" removes the rest
  std::string uom;                        // empty: the item's base unit
  std::optional<std::string> unit_price;  // a manual price (needs override_reason)
  // "unit_price": null on a line: its manual price gives way to the pricing rules' price.
  bool price_by_rules = false;
  std::string override_reason;
  std::optional<std::string> requested_date;  // YYYY-MM-DD
};

struct OrderEditRequest {
  std::optional<std::string> ship_to;  // a ship-to code of the order's customer
  std::vector<OrderLineEdit> lines;
};

// Errors: not_found; precondition_failed (expected_version stale); invalid_state (the order is
// cancelled or has nothing left to ship; the change would hold an order with an open pick
// list); invalid_argument with every bad field at its path ("ship_to", "lines/<i>/quantity"…)
// and nothing changed.
Result<orders::Order> ChangeOrder(store::Connection& conn, const CommandContext& ctx, OrderId id,
                                  const OrderEditRequest& request,
                                  std::optional<int64_t> expected_version,
                                  const OrderLimits& limits = {});

}  // namespace ordo::flows
