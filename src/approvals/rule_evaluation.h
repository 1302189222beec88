// The approval rules' evaluator: an order's figures in, the rules it matches out, each with a
// reason that names the rule and the figures. Pure: no database, no clock, so order placement
// runs it in the writer (where credit exposure is known) at no cost, and tests drive it with
// tables of figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "approvals/approval_rule.h"
#include "core/money.h"

namespace ordo::approvals {

struct LineFigures {
  int line_no = 0;
  std::string sku;
  int64_t quantity = 0;  // base units
  // What the pricing rules give the line (pricing::PriceDecision::rule_price) and their reason:
  // a discount is measured from it, so only a manual price below it is one.
  Money rule_price;
  std::string rule_explanation;
  Money unit_price;
  Money unit_cost;                   // the item's cost at entry
  std::optional<Money> floor_price;  // the lowest price the item may sell at, when it has one
};

struct OrderFigures {
  std::vector<LineFigures> lines;
  Money subtotal;
  Money total;
  std::string customer_code;
  bool first_order = false;  // the customer has no other order that is not cancelled
  bool customer_on_hold = false;
  Money exposure;  // open orders (this one included) + open receivables
  Money credit_limit;
};

// One rule an order matched: its threshold and the figure that passed it, as the API shows
// them (percentages and amounts as decimal strings), and the reason in words.
struct RuleMatch {
  std::string rule;  // the rule's code
  RuleKind kind = RuleKind::kOrderTotalOver;
  std::string hold_kind;
  std::optional<std::string> threshold;
  std::string figure;
  // "<what>: <figures> (rule <code>)"; <what> is the rule kind, or for a credit rule
  // customer_on_hold or credit_limit_exceeded (the codes a credit hold has always started with).
  std::string reason;
};

// The active rules of `rules` that `order` matches, in the order of `rules`. Percentages are
// compared exactly (integer cross-multiplication), never through a rounded figure.
std::vector<RuleMatch> EvaluateRules(const std::vector<ApprovalRule>& rules,
                                     const OrderFigures& order);

// The holds an order's matches put it on: one per hold kind, in the order each kind first
// matched, its reason every match of that kind joined by "; ".
struct HoldNeed {
  std::string kind;
  std::string reason;
  std::vector<RuleMatch> matches;
};
std::vector<HoldNeed> HoldsFor(const std::vector<RuleMatch>& matches);

// The matches as stored with an approval and shown by the API: [{"rule", "kind", "hold_kind",
// "threshold", "figure", "reason"}].
nlohmann::json MatchesJson(const std::vector<RuleMatch>& matches);

}  // namespace ordo::approvals
