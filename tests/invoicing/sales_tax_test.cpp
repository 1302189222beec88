// Tax rounding (invoicing/sales_tax.h), table-driven: each line rounded once, half-even, to the
// minor unit; a line billed in parts taxed cumulatively, so its parts add up to its whole tax.
#include "invoicing/sales_tax.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/money.h"
#include "invoicing/tax_rates.h"
#include "support/test_db.h"

namespace ordo::invoicing {
namespace {

using test_support::Dollars;

TaxRule NyRule() {
  TaxRule rule;
  rule.rate_by_class = {
      {"standard", 88750}, {"food", 0}, {"reduced", 40000}, {"half", 5000}, {"five", 50000}};
  return rule;
}

struct Row {
  const char* tax_class;
  const char* through;
  const char* before;
  int64_t rate_ppm;
  const char* tax;
  const char* why;
};

TEST(SalesTaxTest, EachLineIsTaxedOnceHalfEvenAsPlacementAndInvoicesRoundIt) {
  const Row rows[] = {
      {"standard", "30.00", "0", 88750, "2.66", "2.6625 down"},
      {"standard", "10.00", "0", 88750, "0.89", "0.8875 up"},
      {"standard", "0.35", "0", 88750, "0.03", "0.0310625"},
      {"standard", "100.00", "0", 88750, "8.88", "8.875: half to even (8.88)"},
      {"half", "1.00", "0", 5000, "0.00", "0.005: half to even (0.00)"},
      {"half", "3.00", "0", 5000, "0.02", "0.015: half to even (0.02)"},
      {"five", "0.1010", "0", 50000, "0.01",
       "0.00505: one rounding (0.0050 first would give 0.00)"},
      {"reduced", "0.1250", "0", 40000, "0.00", "0.005: half to even"},
      {"reduced", "0.3750", "0", 40000, "0.02", "0.015: half to even"},
      {"food", "50.00", "0", 0, "0.00", "a class at 0%"},
      {"unknown", "50.00", "0", 0, "0.00", "a class with no rate is not taxed"},
      // Parts: the tax of all billed through the part less what was billed before.
      {"standard", "0.70", "0.35", 88750, "0.03", "0.06 - 0.03"},
      {"standard", "2.45", "2.10", 88750, "0.03", "0.22 - 0.19"},
      {"standard", "1.05", "0.70", 88750, "0.03", "0.09 - 0.06"},
      {"standard", "1.40", "1.05", 88750, "0.03", "0.12 - 0.09"},
      {"standard", "1.75", "1.40", 88750, "0.04", "0.16 - 0.12: a part takes the cent"},
      {"standard", "30.00", "30.00", 88750, "0.00", "nothing more billed"},
  };
  const TaxRule rule = NyRule();
  for (const Row& r : rows) {
    SCOPED_TRACE(std::string(r.tax_class) + " " + r.through + " after " + r.before + ": " + r.why);
    const TaxableLine line{r.tax_class, Dollars(r.through), Dollars(r.before)};
    std::vector<LineTax> out = TaxLines(rule, {&line, 1}, kUsd);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].rate_ppm, r.rate_ppm);
    EXPECT_EQ(out[0].tax, Dollars(r.tax));
  }
}

TEST(SalesTaxTest, AnExemptionTaxesNothing) {
  TaxRule rule = NyRule();
  rule.exemption = "NY-EX-1";
  const TaxableLine lines[] = {{"standard", Dollars("30.00"), Money()},
                               {"reduced", Dollars("3.00"), Money()}};
  for (const LineTax& t : TaxLines(rule, lines, kUsd)) {
    EXPECT_EQ(t.rate_ppm, 0);
    EXPECT_EQ(t.tax, Money());
  }
}

// However a line is split into parts (shipments), its parts' tax adds up to the tax of the
// whole line, which is what the order carried; taxing each part on its own would not.
TEST(SalesTaxTest, ThePartsOfALineAlwaysAddUpToItsWholeTax) {
  const TaxRule rule = NyRule();
  const char* prices[] = {"0.35", "2.1250", "0.0133", "19.99", "7.0005"};
  int differs_when_taxed_alone = 0;
  for (const char* price_text : prices) {
    const Money price = Dollars(price_text);
    for (int64_t quantity = 1; quantity <= 24; ++quantity) {
      auto ext = [&](int64_t q) { return (price * q).Round(kUsd); };
      const Money whole = TaxOn(ext(quantity), 88750, kUsd);
      // Every split into parts of `step` units (the last one smaller).
      for (int64_t step = 1; step <= quantity; ++step) {
        Money cumulative, alone;
        for (int64_t billed = 0; billed < quantity; billed += step) {
          const int64_t part = std::min(step, quantity - billed);
          const TaxableLine line{"standard", ext(billed + part), ext(billed)};
          cumulative += TaxLines(rule, {&line, 1}, kUsd)[0].tax;
          alone += TaxOn(ext(part), 88750, kUsd);
        }
        ASSERT_EQ(cumulative, whole) << price_text << " x " << quantity << " by " << step;
        if (alone != whole) ++differs_when_taxed_alone;
      }
    }
  }
  // The property is not vacuous: taxing parts alone would have drifted.
  EXPECT_GT(differs_when_taxed_alone, 0);
}

}  // namespace
}  // namespace ordo::invoicing
