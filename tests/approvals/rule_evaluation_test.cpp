// The approval rules' evaluator: tables of order figures against rules, the matches with their
// figures and reasons, and the holds they make.
#include "approvals/rule_evaluation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace ordo::approvals {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

Money M(std::string_view text) {
  Result<Money> m = Money::Parse(text);
  EXPECT_TRUE(m.ok()) << text;
  return m.ok() ? *m : Money();
}

ApprovalRule Rule(std::string code, RuleKind kind, std::optional<int64_t> threshold,
                  std::string hold_kind = "") {
  ApprovalRule r;
  r.code = std::move(code);
  r.kind = kind;
  r.threshold = threshold;
  r.hold_kind = hold_kind.empty() ? std::string(DefaultHoldKind(kind)) : hold_kind;
  return r;
}

// `rules` is what the pricing rules give the line (its list price when nothing else applies).
LineFigures Line(int no, const char* rules, const char* price, const char* cost,
                 int64_t quantity = 1, std::optional<const char*> floor = std::nullopt) {
  LineFigures l;
  l.line_no = no;
  l.sku = "SKU-" + std::to_string(no);
  l.quantity = quantity;
  l.rule_price = M(rules);
  l.unit_price = M(price);
  l.unit_cost = M(cost);
  if (floor) l.floor_price = M(*floor);
  return l;
}

OrderFigures Order(std::vector<LineFigures> lines) {
  OrderFigures o;
  o.lines = std::move(lines);
  for (const auto& l : o.lines) o.subtotal += l.unit_price * l.quantity;
  o.total = o.subtotal;
  o.customer_code = "C-1";
  o.exposure = o.total;
  o.credit_limit = M("1000000");
  return o;
}

struct Case {
  const char* name;
  ApprovalRule rule;
  OrderFigures order;
  bool matches;
  const char* figure;  // when it matches
};

TEST(RuleEvaluation, EachKindAtItsBoundary) {
  auto held_customer = Order({Line(1, "10", "10", "5")});
  held_customer.customer_on_hold = true;
  auto over_limit = Order({Line(1, "10", "10", "5")});
  over_limit.credit_limit = M("9.99");
  auto at_limit = Order({Line(1, "10", "10", "5")});
  at_limit.credit_limit = M("10");
  auto first = Order({Line(1, "10", "10", "5")});
  first.first_order = true;
  const Case kCases[] = {
      // discount_over 20%: list 10, price 8 is exactly 20% (not over); 7.9999 is over.
      {"discount at the threshold", Rule("D20", RuleKind::kDiscountOver, 2000),
       Order({Line(1, "10", "8", "1")}), false, ""},
      {"discount just over", Rule("D20", RuleKind::kDiscountOver, 2000),
       Order({Line(1, "10", "7.9999", "1")}), true, "20.00%"},
      {"the worst line decides", Rule("D20", RuleKind::kDiscountOver, 2000),
       Order({Line(1, "10", "9", "1"), Line(2, "4", "2", "1"), Line(3, "100", "85", "1")}), true,
       "50.00%"},
      {"a price above the rules' is no discount", Rule("D0", RuleKind::kDiscountOver, 0),
       Order({Line(1, "10", "12", "1")}), false, ""},
      {"any discount over 0%", Rule("D0", RuleKind::kDiscountOver, 0),
       Order({Line(1, "10", "9.9999", "1")}), true, "0.00%"},
      {"a free item priced 0 by the rules is no discount", Rule("D0", RuleKind::kDiscountOver, 0),
       Order({Line(1, "0", "0", "0")}), false, ""},
      // margin_under 15%: (price − cost) / price for the order.
      {"margin at the threshold", Rule("M15", RuleKind::kMarginUnder, 1500),
       Order({Line(1, "10", "10", "8.50")}), false, ""},
      {"margin just under", Rule("M15", RuleKind::kMarginUnder, 1500),
       Order({Line(1, "10", "10", "8.5001")}), true, "14.99%"},
      {"the order's margin, not the worst line's", Rule("M15", RuleKind::kMarginUnder, 1500),
       Order({Line(1, "10", "10", "9.50", 1), Line(2, "10", "10", "5", 9)}), false, ""},
      {"quantities weigh the order's margin", Rule("M15", RuleKind::kMarginUnder, 1500),
       Order({Line(1, "10", "10", "9.50", 9), Line(2, "10", "10", "5", 1)}), true, "9.50%"},
      {"a loss is a negative margin", Rule("M0", RuleKind::kMarginUnder, 0),
       Order({Line(1, "10", "8", "10")}), true, "-25.00%"},
      {"free goods that cost something", Rule("M0", RuleKind::kMarginUnder, 0),
       Order({Line(1, "10", "0", "1")}), true, "no revenue"},
      // order_total_over 25,000.
      {"total at the threshold", Rule("T25K", RuleKind::kOrderTotalOver, 25000 * Money::kScale),
       Order({Line(1, "2500", "2500", "1", 10)}), false, ""},
      {"total over", Rule("T25K", RuleKind::kOrderTotalOver, 25000 * Money::kScale),
       Order({Line(1, "2500.0001", "2500.0001", "1", 10)}), true, "25000.001"},
      {"a first order", Rule("NEW", RuleKind::kFirstOrder, std::nullopt), first, true, "10.00"},
      {"not a first order", Rule("NEW", RuleKind::kFirstOrder, std::nullopt),
       Order({Line(1, "10", "10", "5")}), false, ""},
      {"below floor", Rule("FLOOR", RuleKind::kBelowFloor, std::nullopt),
       Order({Line(1, "10", "9", "5", 1, "8"), Line(2, "10", "7.99", "5", 1, "8")}), true, "7.99"},
      {"at the floor", Rule("FLOOR", RuleKind::kBelowFloor, std::nullopt),
       Order({Line(1, "10", "8", "5", 1, "8")}), false, ""},
      {"no floor known", Rule("FLOOR", RuleKind::kBelowFloor, std::nullopt),
       Order({Line(1, "10", "0.01", "5")}), false, ""},
      {"customer on hold", Rule("CREDIT", RuleKind::kCreditLimit, std::nullopt), held_customer,
       true, "10.00"},
      {"exposure over the limit", Rule("CREDIT", RuleKind::kCreditLimit, std::nullopt), over_limit,
       true, "10.00"},
      {"exposure at the limit", Rule("CREDIT", RuleKind::kCreditLimit, std::nullopt), at_limit,
       false, ""},
  };
  for (const Case& c : kCases) {
    auto matches = EvaluateRules({c.rule}, c.order);
    ASSERT_EQ(matches.size(), c.matches ? 1u : 0u) << c.name;
    if (!c.matches) continue;
    EXPECT_EQ(matches[0].rule, c.rule.code) << c.name;
    EXPECT_EQ(matches[0].figure, c.figure) << c.name;
    EXPECT_EQ(matches[0].hold_kind, c.rule.hold_kind) << c.name;
    EXPECT_THAT(matches[0].reason, HasSubstr("(rule " + c.rule.code + ")")) << c.name;
  }
}

TEST(RuleEvaluation, ReasonsNameTheRuleAndTheFigures) {
  auto order = Order({Line(1, "10", "9", "1"), Line(2, "10", "7.50", "1")});
  order.lines[1].rule_explanation = "contract K-17 until 2027-03-31";
  auto discount = EvaluateRules({Rule("D20", RuleKind::kDiscountOver, 2000)}, order);
  ASSERT_EQ(discount.size(), 1u);
  EXPECT_EQ(discount[0].reason,
            "discount_over: line 2 SKU-2 at 7.50 is 25.00% below 10.00 (contract K-17 until "
            "2027-03-31), over 20.00% (rule D20)");
  EXPECT_EQ(discount[0].threshold, "20.00");

  auto margin = EvaluateRules({Rule("M15", RuleKind::kMarginUnder, 1500)},
                              Order({Line(1, "10", "10", "9"), Line(2, "10", "10", "9.50")}));
  ASSERT_EQ(margin.size(), 1u);
  EXPECT_EQ(margin[0].reason,
            "margin_under: order margin 7.50% under 15.00%, lowest line 2 SKU-2 at 5.00% "
            "(price 10.00, cost 9.50) (rule M15)");

  auto total = EvaluateRules({Rule("T", RuleKind::kOrderTotalOver, 100 * Money::kScale)},
                             Order({Line(1, "60", "60", "1", 2)}));
  ASSERT_EQ(total.size(), 1u);
  EXPECT_EQ(total[0].reason, "order_total_over: order total 120.00 over 100.00 (rule T)");
  EXPECT_EQ(total[0].threshold, "100.00");

  auto floors = Order({Line(1, "10", "1", "5", 1, "6"), Line(2, "10", "2", "5", 1, "6"),
                       Line(3, "10", "3", "5", 1, "6"), Line(4, "10", "4", "5", 1, "6"),
                       Line(5, "10", "7", "5", 1, "6")});
  auto floor = EvaluateRules({Rule("F", RuleKind::kBelowFloor, std::nullopt)}, floors);
  ASSERT_EQ(floor.size(), 1u);
  EXPECT_THAT(floor[0].reason,
              StartsWith("below_floor: line 1 SKU-1 at 1.00 below its floor 6.00"));
  EXPECT_THAT(floor[0].reason, HasSubstr("and 1 more (rule F)"));

  auto over = Order({Line(1, "10", "10", "5")});
  over.exposure = M("1500");
  over.credit_limit = M("1000");
  auto credit = EvaluateRules({Rule("CREDIT-LIMIT", RuleKind::kCreditLimit, std::nullopt)}, over);
  ASSERT_EQ(credit.size(), 1u);
  EXPECT_EQ(credit[0].reason,
            "credit_limit_exceeded: exposure 1500.00 would exceed the credit limit 1000.00 "
            "(rule CREDIT-LIMIT)");
}

TEST(RuleEvaluation, InactiveRulesAndRulesWithoutTheirThresholdNeverMatch) {
  auto inactive = Rule("D0", RuleKind::kDiscountOver, 0);
  inactive.active = false;
  auto no_threshold = Rule("T", RuleKind::kOrderTotalOver, std::nullopt);
  EXPECT_TRUE(
      EvaluateRules({inactive, no_threshold}, Order({Line(1, "10", "1", "1", 1000)})).empty());
}

TEST(RuleEvaluation, OneHoldPerKindWithEveryMatchInItsReason) {
  auto o = Order({Line(1, "100", "50", "45", 1000, "55")});
  o.first_order = true;
  o.customer_on_hold = true;
  std::vector<ApprovalRule> rules = {
      Rule("D20", RuleKind::kDiscountOver, 2000),
      Rule("CREDIT-LIMIT", RuleKind::kCreditLimit, std::nullopt),
      Rule("FLOOR", RuleKind::kBelowFloor, std::nullopt),
      Rule("T25K", RuleKind::kOrderTotalOver, 25000 * Money::kScale),
      Rule("NEW", RuleKind::kFirstOrder, std::nullopt),
      Rule("M15", RuleKind::kMarginUnder, 1500),
  };
  auto matches = EvaluateRules(rules, o);
  ASSERT_EQ(matches.size(), 6u);
  auto holds = HoldsFor(matches);
  ASSERT_EQ(holds.size(), 3u);
  EXPECT_EQ(holds[0].kind, "approval");
  EXPECT_EQ(holds[0].matches.size(), 4u);
  EXPECT_THAT(holds[0].reason, StartsWith("discount_over: "));
  EXPECT_THAT(holds[0].reason, HasSubstr("; order_total_over: order total 50000.00 over 25000.00"));
  EXPECT_THAT(holds[0].reason, HasSubstr("; first_order: the first order of customer C-1"));
  EXPECT_THAT(holds[0].reason, HasSubstr("; margin_under: order margin 10.00% under 15.00%"));
  EXPECT_EQ(holds[1].kind, "credit");
  EXPECT_THAT(holds[1].reason, StartsWith("customer_on_hold: customer C-1 is on hold"));
  EXPECT_EQ(holds[2].kind, "pricing");
  EXPECT_EQ(holds[2].matches.size(), 1u);

  auto json = MatchesJson(matches);
  ASSERT_EQ(json.size(), 6u);
  EXPECT_EQ(json[0]["rule"], "D20");
  EXPECT_EQ(json[0]["threshold"], "20.00");
  EXPECT_EQ(json[0]["figure"], "50.00%");
  EXPECT_TRUE(json[1]["threshold"].is_null());
}

TEST(RuleEvaluation, ARuleMayPutItsMatchOnAnotherHoldKind) {
  auto matches = EvaluateRules({Rule("T", RuleKind::kOrderTotalOver, 0, "credit")},
                               Order({Line(1, "1", "1", "0")}));
  auto holds = HoldsFor(matches);
  ASSERT_EQ(holds.size(), 1u);
  EXPECT_EQ(holds[0].kind, "credit");
}

}  // namespace
}  // namespace ordo::approvals
