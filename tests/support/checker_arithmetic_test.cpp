// The invariant checker's own arithmetic and status reading: they must be right on their own,
// since the checker trusts them over the production code.
#include "support/checker_arithmetic.h"

#include <gtest/gtest.h>

#include "support/checker_status.h"

namespace ordo::test_support {
namespace {

TEST(CheckerArithmetic, DividesHalfEvenOnTiesAndNearestOtherwise) {
  EXPECT_EQ(DivideHalfEven(25, 10), 2);  // 2.5 -> 2
  EXPECT_EQ(DivideHalfEven(35, 10), 4);  // 3.5 -> 4
  EXPECT_EQ(DivideHalfEven(24, 10), 2);
  EXPECT_EQ(DivideHalfEven(26, 10), 3);
  EXPECT_EQ(DivideHalfEven(-25, 10), -2);
  EXPECT_EQ(DivideHalfEven(-35, 10), -4);
  EXPECT_EQ(DivideHalfEven(-26, 10), -3);
  EXPECT_EQ(DivideHalfEven(-24, 10), -2);
  EXPECT_EQ(DivideHalfEven(0, 10), 0);
}

TEST(CheckerArithmetic, ExtensionRoundsToTheMinorUnit) {
  EXPECT_EQ(ExpectedExtension(21250, 1, 2), 21200);  // 2.125 -> 2.12
  EXPECT_EQ(ExpectedExtension(21350, 1, 2), 21400);  // 2.135 -> 2.14
  EXPECT_EQ(ExpectedExtension(21250, 3, 2), 63800);  // 6.375 -> 6.38
  EXPECT_EQ(ExpectedExtension(3333, 3, 2), 10000);   // 0.9999 -> 1.00
  EXPECT_EQ(ExpectedExtension(21250, 0, 2), 0);
  EXPECT_EQ(ExpectedExtension(15000, 1, 0), 20000);  // 1.5 JPY -> 2
  EXPECT_EQ(ExpectedExtension(25000, 1, 0), 20000);  // 2.5 JPY -> 2
}

TEST(CheckerArithmetic, TaxRoundsOnceStraightToTheMinorUnit) {
  // 1.01 at 0.5% is 0.00505: once to cents is 0.01 (rounding to four decimals first would
  // give 0.0050 and then 0.00).
  EXPECT_EQ(ExpectedTax(10100, 5000, 2), 100);
  EXPECT_EQ(ExpectedTax(100000, 88750, 2), 8900);  // 10.00 at 8.875% = 0.8875 -> 0.89
  EXPECT_EQ(ExpectedTax(20000, 62500, 2), 1200);   // 2.00 at 6.25% = 0.125 -> 0.12
  EXPECT_EQ(ExpectedTax(60000, 62500, 2), 3800);   // 6.00 at 6.25% = 0.375 -> 0.38
  EXPECT_EQ(ExpectedTax(-20000, 62500, 2), -1200);
}

TEST(CheckerArithmetic, KnowsTheCurrenciesDigits) {
  EXPECT_EQ(MinorDigitsOf("USD"), 2);
  EXPECT_EQ(MinorDigitsOf("JPY"), 0);
  EXPECT_EQ(MinorDigitsOf("KWD"), 3);
  EXPECT_EQ(MinorDigitsOf("XXX"), std::nullopt);
}

TEST(CheckerStatus, EachStatusFromItsFacts) {
  auto facts = [](int64_t ordered, int64_t cancelled, int64_t shipped, int64_t invoiced,
                  int64_t unallocated, bool hold, bool settled) {
    return OrderFacts{ordered, cancelled, shipped, invoiced, unallocated, hold, settled};
  };
  EXPECT_EQ(ExpectedStatus(facts(5, 5, 0, 0, 0, false, false)), "cancelled");
  EXPECT_EQ(ExpectedStatus(facts(5, 5, 0, 0, 0, true, false)), "cancelled");
  EXPECT_EQ(ExpectedStatus(facts(5, 0, 0, 0, 5, true, false)), "on_hold");
  EXPECT_EQ(ExpectedStatus(facts(5, 0, 2, 2, 0, true, false)), "on_hold");
  EXPECT_EQ(ExpectedStatus(facts(5, 0, 5, 5, 0, true, false)), "invoiced");
  EXPECT_EQ(ExpectedStatus(facts(5, 0, 5, 5, 0, false, true)), "closed");
  EXPECT_EQ(ExpectedStatus(facts(5, 2, 3, 3, 0, false, false)), "invoiced");
  EXPECT_EQ(ExpectedStatus(facts(5, 0, 5, 3, 0, false, false)), "shipped");
  EXPECT_EQ(ExpectedStatus(facts(5, 0, 2, 2, 3, false, false)), "partially_shipped");
  EXPECT_EQ(ExpectedStatus(facts(5, 0, 0, 0, 1, false, false)), "backordered");
  EXPECT_EQ(ExpectedStatus(facts(5, 0, 0, 0, 0, false, false)), "open");
}

}  // namespace
}  // namespace ordo::test_support
