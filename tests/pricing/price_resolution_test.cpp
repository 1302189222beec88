// Price resolution: list, tier discount (half-even at four decimals), manual override.
#include "pricing/price_resolution.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/money.h"
#include "support/matchers.h"

namespace ordo::pricing {
namespace {

using ::ordo::test_support::FieldIs;
using ::testing::UnorderedElementsAre;

Money M(std::string_view text) {
  Result<Money> m = Money::Parse(text);
  EXPECT_TRUE(m.ok()) << text;
  return m.ok() ? *m : Money();
}

TEST(Pricing, ListPriceWhenThereIsNoTierAndNoOverride) {
  auto d = ResolvePrice({M("12.3456"), std::nullopt, std::nullopt, ""});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->unit_price, M("12.3456"));
  EXPECT_EQ(d->source, "list");
}

TEST(Pricing, TierDiscountIsTakenOffListPrice) {
  auto d = ResolvePrice({M("10.00"), TierDiscount{"GOLD", 1500}, std::nullopt, ""});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->unit_price, M("8.50"));
  EXPECT_EQ(d->source, "tier:GOLD");
}

TEST(Pricing, TierDiscountRoundsHalfEvenAtFourDecimals) {
  struct Case {
    const char* list;
    int bp;
    const char* price;
  };
  const Case kCases[] = {
      {"1.0005", 5000, "0.5002"},  // 0.50025 -> even digit 2 stays
      {"1.0015", 5000, "0.5008"},  // 0.50075 -> 7 is odd, rounds up
      {"1.0003", 5000, "0.5002"},  // 0.50015 -> rounds up to even 2
      {"9.99", 1250, "8.7412"},    // 8.74125 -> 2 is even, stays
      {"9.97", 1250, "8.7238"},    // 8.72375 -> 7 is odd, rounds up
      {"0.0001", 3333, "0.0001"},  // 0.00006667 -> nearest
      {"0.0001", 5000, "0"},       // 0.00005 -> tie, 0 is even
      {"0.0003", 5000, "0.0002"},  // 0.00015 -> tie, rounds to even 2
      {"100", 10000, "0"},         // everything off
      {"7.77", 1, "7.7692"},       // 7.769223 -> nearest
  };
  for (const Case& c : kCases) {
    auto d = ResolvePrice({M(c.list), TierDiscount{"T", c.bp}, std::nullopt, ""});
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->unit_price.Format(4), M(c.price).Format(4)) << c.list << " less " << c.bp << " bp";
  }
}

TEST(Pricing, ZeroDiscountTierIsListPrice) {
  auto d = ResolvePrice({M("5.00"), TierDiscount{"NONE", 0}, std::nullopt, ""});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->unit_price, M("5.00"));
  EXPECT_EQ(d->source, "list");
}

TEST(Pricing, ManualOverrideNeedsAReason) {
  auto d = ResolvePrice({M("5.00"), std::nullopt, M("4.00"), ""});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(d.status().errors(), UnorderedElementsAre(FieldIs("override_reason", "required")));
}

TEST(Pricing, ManualOverrideWithAReasonBeatsTierAndList) {
  auto d = ResolvePrice({M("5.00"), TierDiscount{"GOLD", 2000}, M("4.4444"), "match competitor"});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->unit_price, M("4.4444"));
  EXPECT_EQ(d->source, "manual");
  // What the rules would have given stays known: a discount is measured from it.
  EXPECT_EQ(d->rule_price, M("4.00"));
  EXPECT_EQ(d->rule_explanation, "tier GOLD -20%");
}

TEST(Pricing, ARulesDecisionIsItsOwnRulePrice) {
  auto d = ResolvePrice({M("5.00"), TierDiscount{"GOLD", 2000}, std::nullopt, ""});
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->rule_price, d->unit_price);
  EXPECT_EQ(d->rule_explanation, d->explanation);
}

TEST(Pricing, ManualZeroPriceIsAllowedWithAReason) {
  auto d = ResolvePrice({M("5.00"), std::nullopt, M("0"), "free sample"});
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->unit_price.is_zero());
  EXPECT_EQ(d->source, "manual");
}

TEST(Pricing, NegativeManualPriceIsRejectedWithEveryProblem) {
  auto d = ResolvePrice({M("5.00"), std::nullopt, M("-1.00"), "refund"});
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().errors(), UnorderedElementsAre(FieldIs("unit_price", "out_of_range")));
  auto both = ResolvePrice({M("5.00"), std::nullopt, M("-1.00"), ""});
  ASSERT_FALSE(both.ok());
  EXPECT_THAT(both.status().errors(), UnorderedElementsAre(FieldIs("unit_price", "out_of_range"),
                                                           FieldIs("override_reason", "required")));
}

TEST(Pricing, ExtendedAmountRoundsHalfEvenToTheCurrency) {
  struct Case {
    const char* unit;
    int64_t qty;
    Currency currency;
    const char* amount;
  };
  const Case kCases[] = {
      {"2.125", 1, kUsd, "2.12"},   {"2.135", 1, kUsd, "2.14"},     {"0.005", 3, kUsd, "0.02"},
      {"0.0025", 10, kUsd, "0.02"}, {"0.0035", 10, kUsd, "0.04"},   {"8.7412", 3, kUsd, "26.22"},
      {"1.2345", 2, kUsd, "2.47"},  {"-2.125", 1, kUsd, "-2.12"},   {"2.5", 1, {"JPY", 0}, "2"},
      {"3.5", 1, {"JPY", 0}, "4"},  {"1.0005", 1, {"KWD", 3}, "1"}, {"10", 0, kUsd, "0"},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(ExtendedAmount(M(c.unit), c.qty, c.currency), M(c.amount))
        << c.unit << " x " << c.qty << " in " << c.currency.code;
  }
}

TEST(Pricing, ExtendedAmountThrowsOnOverflow) {
  EXPECT_THROW(ExtendedAmount(M("900000000000"), 1'000'000, kUsd), OverflowError);
}

}  // namespace
}  // namespace ordo::pricing
