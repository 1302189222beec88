#include "approvals/rule_evaluation.h"

namespace ordo::approvals {
namespace {

__extension__ typedef __int128 Wide;

// A ratio num/den (den > 0) as a percentage with two decimals, truncated toward zero.
std::string Percent(Wide num, Wide den) {
  Wide hundredths = num * 10'000 / den;
  return Money::FromUnits(static_cast<int64_t>(hundredths * 100)).Format(2) + "%";
}

std::string PercentOfBp(int64_t bp) {
  return Money::FromUnits(bp * 100).Format(2) + "%";
}

// a/b > c/d for b, d > 0.
bool Greater(Wide a, Wide b, Wide c, Wide d) {
  return a * d > c * b;
}

std::string LineName(const LineFigures& l) {
  return "line " + std::to_string(l.line_no) + " " + l.sku;
}

std::string RuleSuffix(const ApprovalRule& rule) {
  return " (rule " + rule.code + ")";
}

RuleMatch MatchOf(const ApprovalRule& rule, std::string figure, std::string what) {
  RuleMatch m;
  m.rule = rule.code;
  m.kind = rule.kind;
  m.hold_kind = rule.hold_kind;
  if (rule.threshold) {
    auto t = ThresholdJson(rule.kind, rule.threshold);
    if (t.is_string()) m.threshold = t.get<std::string>();
  }
  m.figure = std::move(figure);
  m.reason = std::move(what) + RuleSuffix(rule);
  return m;
}

// The line furthest below its price by the pricing rules, as discount / that price; nullptr when
// no line is below.
std::optional<RuleMatch> Discount(const ApprovalRule& rule, const OrderFigures& o) {
  const LineFigures* worst = nullptr;
  for (const auto& l : o.lines) {
    if (l.rule_price.units() <= 0 || l.unit_price >= l.rule_price) continue;
    Wide off = l.rule_price.units() - l.unit_price.units();
    if (!worst ||
        Greater(off, l.rule_price.units(), worst->rule_price.units() - worst->unit_price.units(),
                worst->rule_price.units())) {
      worst = &l;
    }
  }
  if (!worst) return std::nullopt;
  Wide off = worst->rule_price.units() - worst->unit_price.units();
  Wide from = worst->rule_price.units();
  if (off * 10'000 <= Wide{*rule.threshold} * from) return std::nullopt;
  std::string figure = Percent(off, from);
  std::string priced = worst->rule_price.Format(2);
  if (!worst->rule_explanation.empty()) priced += " (" + worst->rule_explanation + ")";
  return MatchOf(rule, figure,
                 "discount_over: " + LineName(*worst) + " at " + worst->unit_price.Format(2) +
                     " is " + figure + " below " + priced + ", over " +
                     PercentOfBp(*rule.threshold));
}

// The order's margin (revenue − cost) / revenue against the threshold, naming the worst line.
std::optional<RuleMatch> Margin(const ApprovalRule& rule, const OrderFigures& o) {
  Wide revenue = 0, cost = 0;
  const LineFigures* worst = nullptr;
  for (const auto& l : o.lines) {
    revenue += Wide{l.unit_price.units()} * l.quantity;
    cost += Wide{l.unit_cost.units()} * l.quantity;
    if (l.unit_price.units() <= 0) continue;
    // (p − c) / p smaller than the worst's.
    if (!worst ||
        Greater(worst->unit_price.units() - worst->unit_cost.units(), worst->unit_price.units(),
                l.unit_price.units() - l.unit_cost.units(), l.unit_price.units())) {
      worst = &l;
    }
  }
  // Under the threshold: (revenue − cost) / revenue < bp / 10000; no revenue and some cost is
  // a margin below any threshold.
  if ((revenue - cost) * 10'000 >= Wide{*rule.threshold} * revenue) {
    if (revenue > 0 || cost == 0) return std::nullopt;
  }
  std::string figure = revenue > 0 ? Percent(revenue - cost, revenue) : "no revenue";
  std::string what =
      "margin_under: order margin " + figure + " under " + PercentOfBp(*rule.threshold);
  if (worst) {
    what +=
        ", lowest " + LineName(*worst) + " at " +
        Percent(worst->unit_price.units() - worst->unit_cost.units(), worst->unit_price.units()) +
        " (price " + worst->unit_price.Format(2) + ", cost " + worst->unit_cost.Format(2) + ")";
  }
  return MatchOf(rule, figure, what);
}

std::optional<RuleMatch> Total(const ApprovalRule& rule, const OrderFigures& o) {
  Money threshold = Money::FromUnits(*rule.threshold);
  if (o.total <= threshold) return std::nullopt;
  return MatchOf(
      rule, o.total.Format(2),
      "order_total_over: order total " + o.total.Format(2) + " over " + threshold.Format(2));
}

std::optional<RuleMatch> FirstOrder(const ApprovalRule& rule, const OrderFigures& o) {
  if (!o.first_order) return std::nullopt;
  return MatchOf(rule, o.total.Format(2),
                 "first_order: the first order of customer " + o.customer_code + ", total " +
                     o.total.Format(2));
}

// Every line below its floor, the first three named.
std::optional<RuleMatch> Floor(const ApprovalRule& rule, const OrderFigures& o) {
  std::string named;
  int count = 0;
  std::string figure;
  for (const auto& l : o.lines) {
    if (!l.floor_price || l.unit_price >= *l.floor_price) continue;
    if (++count <= 3) {
      if (!named.empty()) named += ", ";
      named += LineName(l) + " at " + l.unit_price.Format(2) + " below its floor " +
               l.floor_price->Format(2);
    }
    if (figure.empty()) figure = l.unit_price.Format(2);
  }
  if (count == 0) return std::nullopt;
  if (count > 3) named += " and " + std::to_string(count - 3) + " more";
  return MatchOf(rule, figure, "below_floor: " + named);
}

std::optional<RuleMatch> Credit(const ApprovalRule& rule, const OrderFigures& o) {
  if (o.customer_on_hold) {
    return MatchOf(rule, o.exposure.Format(2),
                   "customer_on_hold: customer " + o.customer_code + " is on hold");
  }
  if (o.exposure <= o.credit_limit) return std::nullopt;
  return MatchOf(rule, o.exposure.Format(2),
                 "credit_limit_exceeded: exposure " + o.exposure.Format(2) +
                     " would exceed the credit limit " + o.credit_limit.Format(2));
}

std::optional<RuleMatch> Evaluate(const ApprovalRule& rule, const OrderFigures& o) {
  ThresholdUnit unit = UnitOf(rule.kind);
  if (unit != ThresholdUnit::kNone && !rule.threshold) return std::nullopt;
  switch (rule.kind) {
    case RuleKind::kDiscountOver:
      return Discount(rule, o);
    case RuleKind::kMarginUnder:
      return Margin(rule, o);
    case RuleKind::kOrderTotalOver:
      return Total(rule, o);
    case RuleKind::kFirstOrder:
      return FirstOrder(rule, o);
    case RuleKind::kBelowFloor:
      return Floor(rule, o);
    case RuleKind::kCreditLimit:
      return Credit(rule, o);
  }
  return std::nullopt;
}

}  // namespace

std::vector<RuleMatch> EvaluateRules(const std::vector<ApprovalRule>& rules,
                                     const OrderFigures& order) {
  std::vector<RuleMatch> out;
  for (const auto& rule : rules) {
    if (!rule.active) continue;
    if (auto m = Evaluate(rule, order)) out.push_back(std::move(*m));
  }
  return out;
}

std::vector<HoldNeed> HoldsFor(const std::vector<RuleMatch>& matches) {
  std::vector<HoldNeed> holds;
  for (const auto& m : matches) {
    HoldNeed* hold = nullptr;
    for (auto& h : holds) {
      if (h.kind == m.hold_kind) hold = &h;
    }
    if (!hold) {
      holds.push_back({m.hold_kind, "", {}});
      hold = &holds.back();
    } else {
      hold->reason += "; ";
    }
    hold->reason += m.reason;
    hold->matches.push_back(m);
  }
  return holds;
}

nlohmann::json MatchesJson(const std::vector<RuleMatch>& matches) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : matches) {
    out.push_back({{"rule", m.rule},
                   {"kind", RuleKindName(m.kind)},
                   {"hold_kind", m.hold_kind},
                   {"threshold", m.threshold ? nlohmann::json(*m.threshold) : nullptr},
                   {"figure", m.figure},
                   {"reason", m.reason}});
  }
  return out;
}

}  // namespace ordo::approvals
