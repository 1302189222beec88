#include "support/checker_arithmetic.h"

#include <stdexcept>

namespace ordo::test_support {
namespace {

constexpr int kStoredDigits = 4;  // stored amounts count 1/10,000 of the unit

// Stored units per minor unit: 100 for a currency with 2 minor digits.
int64_t UnitsPerMinor(int minor_digits) {
  int64_t per = 1;
  for (int d = minor_digits; d < kStoredDigits; ++d) per *= 10;
  return per;
}

int64_t Narrow(CheckerInt value) {
  if (value > INT64_MAX || value < INT64_MIN) throw std::overflow_error("checker arithmetic");
  return static_cast<int64_t>(value);
}

}  // namespace

std::optional<int> MinorDigitsOf(std::string_view code) {
  struct Known {
    std::string_view code;
    int digits;
  };
  static constexpr Known kKnown[] = {{"USD", 2}, {"EUR", 2}, {"GBP", 2}, {"CAD", 2}, {"AUD", 2},
                                     {"CHF", 2}, {"MXN", 2}, {"JPY", 0}, {"KWD", 3}, {"BHD", 3}};
  for (const Known& k : kKnown) {
    if (k.code == code) return k.digits;
  }
  return std::nullopt;
}

CheckerInt DivideHalfEven(CheckerInt numerator, CheckerInt denominator) {
  // Floor division first, so the remainder is in [0, denominator).
  CheckerInt quotient = numerator / denominator;
  CheckerInt remainder = numerator % denominator;
  if (remainder < 0) {
    remainder += denominator;
    quotient -= 1;
  }
  const CheckerInt twice = 2 * remainder;
  if (twice > denominator) return quotient + 1;                        // above half: up
  if (twice == denominator && quotient % 2 != 0) return quotient + 1;  // a tie: to even
  return quotient;                                                     // below half, or even
}

int64_t ExpectedExtension(int64_t unit_price_units, int64_t quantity, int minor_digits) {
  const int64_t per_minor = UnitsPerMinor(minor_digits);
  const CheckerInt exact = static_cast<CheckerInt>(unit_price_units) * quantity;
  return Narrow(DivideHalfEven(exact, per_minor) * per_minor);
}

int64_t ExpectedTax(int64_t amount_units, int64_t rate_ppm, int minor_digits) {
  const int64_t per_minor = UnitsPerMinor(minor_digits);
  const CheckerInt exact = static_cast<CheckerInt>(amount_units) * rate_ppm;
  return Narrow(DivideHalfEven(exact, static_cast<CheckerInt>(1'000'000) * per_minor) * per_minor);
}

}  // namespace ordo::test_support
