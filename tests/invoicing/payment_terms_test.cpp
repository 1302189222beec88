// Payment terms and tax arithmetic: pure functions.
#include "invoicing/payment_terms.h"

#include <gtest/gtest.h>

#include "invoicing/tax_rates.h"
#include "support/test_db.h"

namespace ordo::invoicing {
namespace {

using test_support::Dollars;

TEST(PaymentTermsTest, ReadsNetDiscountAndDueOnReceipt) {
  auto net30 = ParsePaymentTerms("NET30");
  ASSERT_TRUE(net30.has_value());
  EXPECT_EQ(net30->net_days, 30);
  EXPECT_EQ(net30->discount_bp, 0);
  Date d = *ParseDate("2026-12-15");
  EXPECT_EQ(FormatDate(net30->DueDate(d)), "2027-01-14");
  EXPECT_FALSE(net30->DiscountDate(d).has_value());

  auto disc = ParsePaymentTerms("2/10NET30");
  ASSERT_TRUE(disc.has_value());
  EXPECT_EQ(disc->discount_bp, 200);
  EXPECT_EQ(disc->discount_days, 10);
  EXPECT_EQ(FormatDate(*disc->DiscountDate(d)), "2026-12-25");

  auto fraction = ParsePaymentTerms("1.5/15NET45");
  ASSERT_TRUE(fraction.has_value());
  EXPECT_EQ(fraction->discount_bp, 150);

  auto receipt = ParsePaymentTerms("DUE_ON_RECEIPT");
  ASSERT_TRUE(receipt.has_value());
  EXPECT_EQ(receipt->DueDate(d), d);
}

TEST(PaymentTermsTest, RefusesWhatItCannotRead) {
  for (const char* bad : {"", "NET", "NET-5", "NET30X", "30NET", "2/NET30", "/10NET30", "0/10NET30",
                          "2/40NET30", "NET99999", "2.555/10NET30", "net30", "2/10 NET30"}) {
    EXPECT_FALSE(ParsePaymentTerms(bad).has_value()) << bad;
  }
}

TEST(TaxTest, RoundsOnceHalfEvenToCents) {
  EXPECT_EQ(TaxOn(Dollars("30.00"), 88750, kUsd), Dollars("2.66"));  // 2.6625
  EXPECT_EQ(TaxOn(Dollars("1.00"), 5000, kUsd), Dollars("0"));       // 0.005 -> 0.00 (even)
  EXPECT_EQ(TaxOn(Dollars("3.00"), 5000, kUsd), Dollars("0.02"));    // 0.015 -> 0.02 (even)
  // 0.1010 at 5% is 0.00505: one rounding gives 0.01 (rounding to 0.0050 first would give 0).
  EXPECT_EQ(TaxOn(Dollars("0.1010"), 50000, kUsd), Dollars("0.01"));
  EXPECT_EQ(TaxOn(Dollars("-30.00"), 88750, kUsd), -Dollars("2.66"));
  EXPECT_EQ(TaxOn(Dollars("100"), 0, kUsd), Money());
  EXPECT_EQ(TaxOn(Dollars("100"), kPpm, kUsd), Dollars("100"));
}

TEST(TaxTest, ProRataRoundsOnceHalfEven) {
  EXPECT_EQ(ProRata(Dollars("21.78"), Dollars("2.34"), Dollars("116.88"), kUsd), Dollars("0.44"));
  EXPECT_EQ(ProRata(Dollars("100.00"), Dollars("2.00"), Dollars("100.00"), kUsd), Dollars("2.00"));
  EXPECT_EQ(ProRata(Dollars("1.00"), Dollars("1.00"), Dollars("200.00"), kUsd), Dollars("0"));
  EXPECT_EQ(ProRata(Dollars("3.00"), Dollars("1.00"), Dollars("200.00"), kUsd), Dollars("0.02"));
  EXPECT_EQ(ProRata(Dollars("0"), Dollars("5.00"), Dollars("10.00"), kUsd), Money());
}

TEST(TaxTest, RatePercentTextRoundTrips) {
  EXPECT_EQ(*ParseRatePercent("8.875"), 88750);
  EXPECT_EQ(*ParseRatePercent("0"), 0);
  EXPECT_EQ(*ParseRatePercent("100"), kPpm);
  EXPECT_EQ(FormatRatePercent(88750), "8.875");
  EXPECT_EQ(FormatRatePercent(60000), "6");
  EXPECT_FALSE(ParseRatePercent("100.0001").ok());
  EXPECT_FALSE(ParseRatePercent("-1").ok());
  EXPECT_FALSE(ParseRatePercent("8.87501").ok());
  EXPECT_FALSE(ParseRatePercent("abc").ok());
}

}  // namespace
}  // namespace ordo::invoicing
