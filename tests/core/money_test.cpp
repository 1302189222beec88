#include "core/money.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace ordo {
namespace {

constexpr int64_t kMaxUnits = std::numeric_limits<int64_t>::max();
constexpr int64_t kMinUnits = std::numeric_limits<int64_t>::min();

Money M(std::string_view text) {
  Result<Money> parsed = Money::Parse(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.status().ToString();
  return parsed.ok() ? *parsed : Money();
}

TEST(Money, DefaultIsZero) {
  EXPECT_TRUE(Money().is_zero());
  EXPECT_FALSE(Money().is_negative());
  EXPECT_EQ(Money().units(), 0);
}

TEST(Money, FromWholeScalesByTenThousand) {
  EXPECT_EQ(Money::FromWhole(12).units(), 120'000);
  EXPECT_EQ(Money::FromWhole(-3).units(), -30'000);
  EXPECT_TRUE(Money::FromUnits(-1).is_negative());
}

TEST(Money, FromWholeThrowsOnOverflow) {
  EXPECT_EQ(Money::FromWhole(922'337'203'685'477).units(), 9'223'372'036'854'770'000);
  EXPECT_THROW(Money::FromWhole(922'337'203'685'478), OverflowError);
  EXPECT_THROW(Money::FromWhole(-922'337'203'685'478), OverflowError);
}

TEST(Money, ParsesExactDecimals) {
  struct Case {
    const char* text;
    int64_t units;
  };
  const Case kCases[] = {
      {"0", 0},
      {"-0", 0},
      {"-0.0000", 0},
      {"1", 10'000},
      {"1.5", 15'000},
      {"2.125", 21'250},
      {"2.1250", 21'250},
      {"0.0001", 1},
      {"-0.0001", -1},
      {"-12.34", -123'400},
      {"007.5", 75'000},
      {"1234567.89", 12'345'678'900},
      {"922337203685477.5807", kMaxUnits},
      {"-922337203685477.5808", kMinUnits},
  };
  for (const Case& c : kCases) {
    Result<Money> parsed = Money::Parse(c.text);
    ASSERT_TRUE(parsed.ok()) << c.text << ": " << parsed.status().ToString();
    EXPECT_EQ(parsed->units(), c.units) << c.text;
  }
}

TEST(Money, RejectsMalformedStrings) {
  const char* const kMalformed[] = {
      "",     "-",   ".",   ".5",    "-.5",   "1.",    "-1.", "+1",  " 1",
      "1 ",   "1e3", "1E3", "1,000", "1_000", "1.2.3", "--1", "1-",  "abc",
      "0x10", "NaN", "inf", "1.2a",  "$1",    "1.-2",  "١",   "\t1", "1\n",
  };
  for (const char* text : kMalformed) {
    Result<Money> parsed = Money::Parse(text);
    ASSERT_FALSE(parsed.ok()) << '"' << text << '"';
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidArgument) << text;
    ASSERT_EQ(parsed.status().errors().size(), 1u);
    EXPECT_EQ(parsed.status().errors()[0].code, "invalid_amount") << text;
  }
  EXPECT_FALSE(Money::Parse(std::string_view("1\0", 2)).ok());
}

TEST(Money, RejectsMoreThanFourDecimalsInsteadOfRounding) {
  for (const char* text : {"1.23456", "0.00001", "-0.00005", "1.00000"}) {
    Result<Money> parsed = Money::Parse(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidArgument);
    ASSERT_EQ(parsed.status().errors().size(), 1u);
    EXPECT_EQ(parsed.status().errors()[0].code, "too_many_decimals") << text;
  }
}

TEST(Money, RejectsValuesBeyondRange) {
  for (const char* text : {"922337203685477.5808", "-922337203685477.5809", "922337203685478",
                           "99999999999999999999999999999999", "-99999999999999999999"}) {
    Result<Money> parsed = Money::Parse(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidArgument);
    ASSERT_EQ(parsed.status().errors().size(), 1u);
    EXPECT_EQ(parsed.status().errors()[0].code, "out_of_range") << text;
  }
}

TEST(Money, FormatsWithMinimumDigits) {
  EXPECT_EQ(M("1234.5").Format(2), "1234.50");
  EXPECT_EQ(M("2.125").Format(2), "2.125");
  EXPECT_EQ(M("2.1250").Format(2), "2.125");
  EXPECT_EQ(M("0.0001").Format(2), "0.0001");
  EXPECT_EQ(M("7").Format(), "7.00");
  EXPECT_EQ(M("7").Format(0), "7");
  EXPECT_EQ(M("7.5").Format(0), "7.5");
  EXPECT_EQ(M("7").Format(4), "7.0000");
  EXPECT_EQ(M("0").Format(3), "0.000");
}

TEST(Money, FormatsNegativesWithoutNegativeZero) {
  EXPECT_EQ(M("-1234.5").Format(2), "-1234.50");
  EXPECT_EQ(M("-0.5").Format(2), "-0.50");
  EXPECT_EQ(M("-0.0001").Format(2), "-0.0001");
  EXPECT_EQ(M("-0").Format(2), "0.00");
  EXPECT_EQ(M("-0.001").Round(2).Format(2), "0.00");
}

TEST(Money, FormatsExtremes) {
  EXPECT_EQ(Money::FromUnits(kMaxUnits).Format(2), "922337203685477.5807");
  EXPECT_EQ(Money::FromUnits(kMinUnits).Format(2), "-922337203685477.5808");
}

TEST(Money, ParseFormatRoundTrips) {
  const int64_t kUnits[] = {
      0,        1,         -1,        9'999,     10'000,        -10'000,      12'345,
      -123'450, 1'000'000, kMaxUnits, kMinUnits, kMaxUnits - 1, kMinUnits + 1};
  for (int64_t units : kUnits) {
    for (int min_digits = 0; min_digits <= Money::kScaleDigits; ++min_digits) {
      const Money money = Money::FromUnits(units);
      Result<Money> parsed = Money::Parse(money.Format(min_digits));
      ASSERT_TRUE(parsed.ok()) << money.Format(min_digits);
      EXPECT_EQ(*parsed, money) << money.Format(min_digits);
    }
  }
}

TEST(Money, RoundsHalfToEven) {
  EXPECT_EQ(M("0.125").Round(2), M("0.12"));
  EXPECT_EQ(M("0.135").Round(2), M("0.14"));
  EXPECT_EQ(M("0.5").Round(0), M("0"));
  EXPECT_EQ(M("1.5").Round(0), M("2"));
  EXPECT_EQ(M("2.5").Round(0), M("2"));
  EXPECT_EQ(M("0.0005").Round(3), M("0"));
  EXPECT_EQ(M("0.0015").Round(3), M("0.002"));
}

TEST(Money, RoundsNegativeHalfToEven) {
  EXPECT_EQ(M("-0.125").Round(2), M("-0.12"));
  EXPECT_EQ(M("-0.135").Round(2), M("-0.14"));
  EXPECT_EQ(M("-2.5").Round(0), M("-2"));
  EXPECT_EQ(M("-3.5").Round(0), M("-4"));
}

TEST(Money, RoundsNonTiesToNearest) {
  EXPECT_EQ(M("0.1251").Round(2), M("0.13"));
  EXPECT_EQ(M("0.1249").Round(2), M("0.12"));
  EXPECT_EQ(M("-0.1251").Round(2), M("-0.13"));
  EXPECT_EQ(M("-0.1249").Round(2), M("-0.12"));
  EXPECT_EQ(M("0.4999").Round(0), M("0"));
  EXPECT_EQ(M("-0.5001").Round(0), M("-1"));
}

TEST(Money, RoundToFourDigitsIsIdentity) {
  EXPECT_EQ(M("1.2345").Round(4), M("1.2345"));
  EXPECT_EQ(Money::FromUnits(kMaxUnits).Round(4).units(), kMaxUnits);
}

TEST(Money, RoundsToCurrencyMinorUnit) {
  EXPECT_EQ(M("1.005").Round(kUsd), M("1.00"));
  EXPECT_EQ(M("1.015").Round(kUsd), M("1.02"));
  EXPECT_EQ(M("1234.5").Round(*FindCurrency("JPY")), M("1234"));
  EXPECT_EQ(M("0.0125").Round(*FindCurrency("KWD")), M("0.012"));
}

TEST(Money, RoundThrowsWhenResultOverflows) {
  const Money max = Money::FromUnits(kMaxUnits);  // ...477.5807
  const Money min = Money::FromUnits(kMinUnits);  // ...477.5808
  EXPECT_THROW(max.Round(0), OverflowError);
  EXPECT_THROW(max.Round(3), OverflowError);
  EXPECT_THROW(min.Round(0), OverflowError);
  EXPECT_EQ(max.Round(2).units(), 9'223'372'036'854'775'800);
  EXPECT_EQ(min.Round(2).units(), -9'223'372'036'854'775'800);
}

TEST(Money, RoundRejectsBadDigits) {
  EXPECT_THROW(M("1").Round(5), std::invalid_argument);
  EXPECT_THROW(M("1").Round(-1), std::invalid_argument);
}

TEST(Money, IsExactAt) {
  EXPECT_TRUE(M("1.25").IsExactAt(2));
  EXPECT_FALSE(M("1.255").IsExactAt(2));
  EXPECT_TRUE(M("1.255").IsExactAt(3));
  EXPECT_TRUE(M("-3").IsExactAt(0));
  EXPECT_FALSE(M("-3.0001").IsExactAt(0));
  EXPECT_TRUE(M("-3.0001").IsExactAt(4));
}

TEST(Money, KnowsCurrencies) {
  const std::pair<const char*, int> kExpected[] = {
      {"USD", 2}, {"EUR", 2}, {"GBP", 2}, {"CAD", 2}, {"AUD", 2},
      {"CHF", 2}, {"MXN", 2}, {"JPY", 0}, {"KWD", 3}, {"BHD", 3},
  };
  for (const auto& [code, digits] : kExpected) {
    const std::optional<Currency> currency = FindCurrency(code);
    ASSERT_TRUE(currency.has_value()) << code;
    EXPECT_EQ(currency->code, code);
    EXPECT_EQ(currency->minor_digits, digits) << code;
  }
  EXPECT_EQ(kUsd.minor_digits, 2);
}

TEST(Money, UnknownCurrencyIsNullopt) {
  EXPECT_EQ(FindCurrency("usd"), std::nullopt);
  EXPECT_EQ(FindCurrency("XXX"), std::nullopt);
  EXPECT_EQ(FindCurrency(""), std::nullopt);
  EXPECT_EQ(FindCurrency("USDX"), std::nullopt);
}

TEST(Money, Arithmetic) {
  EXPECT_EQ(M("1.25") + M("2.50"), M("3.75"));
  EXPECT_EQ(M("1.25") - M("2.50"), M("-1.25"));
  EXPECT_EQ(M("1.25") * 3, M("3.75"));
  EXPECT_EQ(M("1.25") * -2, M("-2.5"));
  EXPECT_EQ(-M("1.25"), M("-1.25"));
  Money total;
  total += M("10");
  total -= M("0.01");
  EXPECT_EQ(total, M("9.99"));
  EXPECT_LT(M("-1"), M("0"));
  EXPECT_GT(M("0.0001"), M("0"));
}

TEST(Money, CheckedArithmeticReturnsNulloptOnOverflow) {
  const Money max = Money::FromUnits(kMaxUnits);
  const Money min = Money::FromUnits(kMinUnits);
  const Money tick = Money::FromUnits(1);
  EXPECT_EQ(max.CheckedAdd(tick), std::nullopt);
  EXPECT_EQ(min.CheckedAdd(-tick), std::nullopt);
  EXPECT_EQ(min.CheckedSub(tick), std::nullopt);
  EXPECT_EQ(max.CheckedSub(-tick), std::nullopt);
  EXPECT_EQ(max.CheckedMul(2), std::nullopt);
  EXPECT_EQ(min.CheckedMul(-1), std::nullopt);
  EXPECT_EQ(Money::FromUnits(kMaxUnits / 2 + 1).CheckedMul(2), std::nullopt);
}

TEST(Money, CheckedArithmeticSucceedsAtTheEdges) {
  const Money max = Money::FromUnits(kMaxUnits);
  const Money min = Money::FromUnits(kMinUnits);
  const Money tick = Money::FromUnits(1);
  EXPECT_EQ(max.CheckedAdd(Money()), max);
  EXPECT_EQ(max.CheckedSub(tick), Money::FromUnits(kMaxUnits - 1));
  EXPECT_EQ(min.CheckedAdd(max), Money::FromUnits(-1));
  EXPECT_EQ(max.CheckedMul(-1), Money::FromUnits(-kMaxUnits));
  EXPECT_EQ(Money::FromUnits(kMaxUnits / 2).CheckedMul(2), Money::FromUnits(kMaxUnits - 1));
}

TEST(Money, OperatorsThrowOverflowError) {
  const Money max = Money::FromUnits(kMaxUnits);
  const Money min = Money::FromUnits(kMinUnits);
  const Money tick = Money::FromUnits(1);
  EXPECT_THROW(max + tick, OverflowError);
  EXPECT_THROW(min - tick, OverflowError);
  EXPECT_THROW(max * 2, OverflowError);
  EXPECT_THROW(-min, OverflowError);
  Money sum = max;
  EXPECT_THROW(sum += tick, OverflowError);
  EXPECT_EQ(sum, max);
  EXPECT_NO_THROW(-max);
}

TEST(Money, OverflowErrorIsAStdOverflowError) {
  try {
    (void)(Money::FromUnits(kMaxUnits) + Money::FromUnits(1));
    FAIL() << "expected an exception";
  } catch (const std::overflow_error& e) {
    EXPECT_NE(std::string(e.what()), "");
  }
}

TEST(Money, MulRatioRoundsHalfToEven) {
  EXPECT_EQ(M("10").MulRatio(1, 3), M("3.3333"));
  EXPECT_EQ(M("20").MulRatio(1, 3), M("6.6667"));
  EXPECT_EQ(M("100").MulRatio(95, 100), M("95"));
  EXPECT_EQ(Money::FromUnits(1).MulRatio(1, 2), Money::FromUnits(0));
  EXPECT_EQ(Money::FromUnits(3).MulRatio(1, 2), Money::FromUnits(2));
  EXPECT_EQ(Money::FromUnits(5).MulRatio(1, 2), Money::FromUnits(2));
  EXPECT_EQ(Money::FromUnits(-5).MulRatio(1, 2), Money::FromUnits(-2));
  EXPECT_EQ(Money::FromUnits(-7).MulRatio(1, 2), Money::FromUnits(-4));
  EXPECT_EQ(Money::FromUnits(7).MulRatio(-1, 2), Money::FromUnits(-4));
  EXPECT_EQ(Money::FromUnits(-10).MulRatio(1, 3), Money::FromUnits(-3));
}

TEST(Money, MulRatioUsesWideIntermediate) {
  const Money max = Money::FromUnits(kMaxUnits);
  EXPECT_EQ(max.MulRatio(kMaxUnits, kMaxUnits), max);
  EXPECT_EQ(max.MulRatio(3, 4), Money::FromUnits(6'917'529'027'641'081'855));
  EXPECT_EQ(Money::FromUnits(kMinUnits).MulRatio(1, 1), Money::FromUnits(kMinUnits));
}

TEST(Money, MulRatioThrowsWhenResultDoesNotFit) {
  EXPECT_THROW(Money::FromUnits(kMaxUnits).MulRatio(2, 1), OverflowError);
  EXPECT_THROW(Money::FromUnits(kMinUnits).MulRatio(-1, 1), OverflowError);
  EXPECT_THROW(Money::FromUnits(kMaxUnits).MulRatio(kMaxUnits, kMaxUnits - 1), OverflowError);
}

TEST(Money, MulRatioRejectsNonPositiveDenominator) {
  EXPECT_THROW(M("1").MulRatio(1, 0), std::invalid_argument);
  EXPECT_THROW(M("1").MulRatio(1, -2), std::invalid_argument);
}

}  // namespace
}  // namespace ordo
