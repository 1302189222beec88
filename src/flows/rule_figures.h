// What order placement and order changes both need to give the approval rules an order's
// figures (approvals/rule_evaluation.h): a line's price by the pricing rules, and its floor.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "approvals/approval_rule.h"
#include "catalog/item.h"
#include "core/money.h"
#include "store/database.h"

namespace ordo::flows {

// What the pricing rules give a line, a manual price or not (pricing::PriceDecision::rule_price):
// the approval rules measure a discount from it.
struct RulePrice {
  Money price;
  std::string explanation;
};

// The minimum margin of each product line, by code, when a below_floor rule is among `rules`
// and an item of `items` (by SKU) has a line: one query of a small table; empty otherwise.
std::unordered_map<std::string, int> FloorMargins(
    store::Connection& conn, const std::vector<approvals::ApprovalRule>& rules,
    const std::unordered_map<std::string, catalog::Item>& items);

// The lowest price `item` may sell at: its cost with its product line's minimum margin
// (catalog::FloorPrice); none when it has no line or `margins` has none for it.
std::optional<Money> FloorOf(const catalog::Item& item,
                             const std::unordered_map<std::string, int>& margins);

}  // namespace ordo::flows
