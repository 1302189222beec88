// Approval rules: thresholds that put an order on hold at entry until someone decides on it.
//
// A rule has a kind (what it measures), a threshold in the kind's unit, the kind of hold it puts
// the order on (approval, pricing or credit) and an active flag. The table `approval_rules`
// (migration 0020) is reference data: its triggers bump the reference version, so an order is
// never placed on rules other than those it was prepared with.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace ordo::approvals {

enum class RuleKind {
  kDiscountOver,    // a manual price below the pricing rules' price by more than the threshold (%)
  kMarginUnder,     // the order's margin under the threshold (percent)
  kOrderTotalOver,  // the order's total over the threshold (amount)
  kFirstOrder,      // the customer's first order (no threshold)
  kBelowFloor,      // a line's price below the item's floor price (no threshold)
  kCreditLimit,     // the customer on hold, or its exposure past its credit limit (no threshold)
};

std::string_view RuleKindName(RuleKind kind);
std::optional<RuleKind> RuleKindFromName(std::string_view name);
inline constexpr std::string_view kRuleKindChoices =
    "discount_over, margin_under, order_total_over, first_order, below_floor, credit_limit";

// What a kind's threshold is: a percentage in basis points, an amount in Money's units, or none.
enum class ThresholdUnit { kPercent, kAmount, kNone };
ThresholdUnit UnitOf(RuleKind kind);

// The hold kinds a rule may put an order on, and the one each rule kind uses by default.
bool IsHoldKind(std::string_view kind);
inline constexpr std::string_view kHoldKindChoices = "approval, pricing, credit";
std::string_view DefaultHoldKind(RuleKind kind);

struct ApprovalRule {
  int64_t id = 0;
  std::string code;
  std::string name;
  RuleKind kind = RuleKind::kOrderTotalOver;
  // Basis points (kPercent) or Money units (kAmount); empty for kNone.
  std::optional<int64_t> threshold;
  std::string hold_kind;
  bool active = true;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
};

// The threshold as the API writes it: "20.00" (percent) or "25000.00" (amount); null for none.
nlohmann::json ThresholdJson(RuleKind kind, std::optional<int64_t> threshold);

// The rule as the API shows it (and the audit stores it).
nlohmann::json ToJson(const ApprovalRule& rule);

}  // namespace ordo::approvals
