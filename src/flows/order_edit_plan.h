// The first half of flows::ChangeOrder (flows/order_edit.h): the change validated, priced and
// taxed in memory, before anything is written. Internal to the flows module.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "catalog/item.h"
#include "configurator/configurator_repository.h"
#include "core/clock.h"
#include "customers/customer.h"
#include "flows/order_edit.h"
#include "flows/order_edit_rules.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

struct OrderEditPlan {
  orders::Order before;  // the order as it was, named (views::LoadOrder)
  orders::Order order;   // the order as the change makes it, not yet stored
  customers::Customer customer;
  ShipToId ship_to;
  std::optional<WarehouseId> preferred_warehouse;  // the (new) ship-to's
  bool ship_to_changed = false;
  std::vector<size_t> changed_lines;  // indexes of existing lines the change touches
  size_t first_added = 0;             // order.lines[first_added..] are added
  bool price_set = false;             // a line added or a line's price changed
  // The answers of the added configured lines, numbered as the order's lines, to be stored
  // with them (order_line_configurations).
  std::vector<configurator::LineConfiguration> configurations;
  // Every line's item, by SKU (tax classes, list prices and floors for the rules).
  std::unordered_map<std::string, catalog::Item> items;
  // What the pricing rules give the lines this change priced (added, or a new quantity or
  // price), by line number, with their reason (pricing::PriceDecision::rule_price): the approval
  // rules measure a discount from it. A line the change did not price is measured from its own
  // price (its discount, if any, was decided when it was priced).
  std::unordered_map<int, std::pair<Money, std::string>> rule_prices;
  // What is being picked, per (line, warehouse).
  std::map<std::pair<OrderLineId, WarehouseId>, int64_t> picking;

  int64_t PickingOf(const orders::OrderLine& line) const;
  int64_t PickingOf(const orders::OrderLine& line, WarehouseId warehouse) const;
  bool AnythingPicking() const;
};

// Validates `request` against `order` (loaded, named and version-checked by the caller), prices
// its lines on `date` and taxes them; writes nothing. Errors: invalid_state (cancelled, nothing
// left to ship), invalid_argument with every bad field.
Result<OrderEditPlan> PlanOrderEdit(store::Connection& conn, orders::Order order,
                                    const OrderEditRequest& request, Date date,
                                    const OrderLimits& limits);

}  // namespace ordo::flows
