// The invariant checker's own arithmetic, written apart from the production code it checks
// (core/money, pricing, invoicing/tax_rates) so that a bug there cannot agree with itself:
// the checker compares what the commands stored with what these plain functions compute.
//
// Amounts are the stored integers: 1/10,000 of the currency unit. Rounding is half-even
// (a tie goes to the even neighbour), spelled out below with integer division only.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace ordo::test_support {

// The minor-unit digits of a currency the schema may hold (USD: 2), or nullopt for a code
// the checker does not know.
std::optional<int> MinorDigitsOf(std::string_view currency_code);

__extension__ typedef __int128 CheckerInt;  // wide enough for any amount x quantity

// numerator / denominator rounded half-even to an integer. REQUIRES: denominator > 0.
CheckerInt DivideHalfEven(CheckerInt numerator, CheckerInt denominator);

// unit_price x quantity rounded half-even to the currency's minor unit, in stored units
// (1/10,000): 2.1250 x 1 in USD is 2.12 (21200), 2.1350 x 1 is 2.14 (21400).
int64_t ExpectedExtension(int64_t unit_price_units, int64_t quantity, int minor_digits);

// The tax on `amount_units` at `rate_ppm` (parts per million), rounded once, half-even, to
// the currency's minor unit, in stored units.
int64_t ExpectedTax(int64_t amount_units, int64_t rate_ppm, int minor_digits);

}  // namespace ordo::test_support
