// Sales tax: a rate per ship-to region and item tax class. The invoicing module owns
// `tax_rates`; a region and tax class with no rate is not taxed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/command_context.h"
#include "core/money.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::invoicing {

inline constexpr int64_t kPpm = 1'000'000;

struct TaxRate {
  std::string region;
  std::string tax_class;
  int64_t rate_ppm = 0;  // parts per million: 8.875% is 88750
};

// The rate for (region, tax_class), 0 when there is none.
int64_t FindTaxRate(store::Connection& conn, std::string_view region, std::string_view tax_class);

// Every rate, by region then tax class.
std::vector<TaxRate> ListTaxRates(store::Connection& conn);

// Creates or replaces a rate, with an audit record ("tax_rate.save": the rate before, if any,
// and after). Errors: invalid_argument (empty region or class, rate outside 0..100%).
Status SaveTaxRate(store::Connection& conn, const CommandContext& ctx, const TaxRate& rate);

// amount x part / whole, rounded half-even once to the currency's minor unit (a share of an
// amount, e.g. of an early-pay discount). REQUIRES: whole > 0.
Money ProRata(Money amount, Money part, Money whole, const Currency& currency);

// The tax on `amount` at `rate_ppm`, rounded half-even to the currency's minor unit.
Money TaxOn(Money amount, int64_t rate_ppm, const Currency& currency);

// "8.875" for 88750: the rate as a percentage with no trailing zeros.
std::string FormatRatePercent(int64_t rate_ppm);
// "8.875" -> 88750 (a percentage with up to four decimals, 0..100). Errors: invalid_argument.
Result<int64_t> ParseRatePercent(std::string_view text);

}  // namespace ordo::invoicing
