// Money: exact fixed-point amounts.
//
// A Money holds an integer count of 1/10,000 of the currency unit (four decimals), enough for
// unit prices ("2.1250"); document amounts are rounded half-even to the currency's minor unit
// with Round(). Never a double anywhere. Arithmetic that would overflow throws OverflowError,
// which adapters report as an out-of-range input; Checked* variants return nullopt instead.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ordo {

class OverflowError : public std::overflow_error {
 public:
  using std::overflow_error::overflow_error;
};

struct Currency {
  std::string_view code;  // ISO 4217, e.g. "USD"
  int minor_digits;       // 2 for USD, 0 for JPY, 3 for KWD
};

// The currency for an ISO 4217 code Ordo knows; nullopt otherwise.
std::optional<Currency> FindCurrency(std::string_view code);
inline constexpr Currency kUsd{"USD", 2};

class Money {
 public:
  static constexpr int kScaleDigits = 4;
  static constexpr int64_t kScale = 10'000;

  constexpr Money() = default;
  static constexpr Money FromUnits(int64_t units) { return Money(units); }  // 1/10,000ths
  // REQUIRES: no overflow (throws OverflowError otherwise).
  static Money FromWhole(int64_t whole);

  // Exact parse of a decimal string: optional '-', digits, optional '.' and 1..4 digits.
  // No exponent, no spaces, no '+', no thousands separators. More than four decimals, or a
  // value beyond the range, is an invalid_argument error (never silently rounded).
  static Result<Money> Parse(std::string_view text);

  constexpr int64_t units() const { return units_; }
  constexpr bool is_zero() const { return units_ == 0; }
  constexpr bool is_negative() const { return units_ < 0; }

  // Half-even rounding to `digits` decimals (0..4): 0.125 -> 0.12, 0.135 -> 0.14.
  Money Round(int digits) const;
  Money Round(const Currency& c) const { return Round(c.minor_digits); }
  // Whether the value has no non-zero digits beyond `digits` decimals.
  bool IsExactAt(int digits) const;

  // At least `min_digits` decimals, more (up to four) when the value needs them, so formatting
  // never loses a digit: Format(2) of 1234.5 is "1234.50", of 2.125 is "2.125".
  std::string Format(int min_digits = 2) const;

  // this * numerator / denominator, rounded half-even at four decimals (e.g. a tier discount).
  // REQUIRES: denominator > 0. Throws OverflowError when the result does not fit.
  Money MulRatio(int64_t numerator, int64_t denominator) const;

  std::optional<Money> CheckedAdd(Money other) const;
  std::optional<Money> CheckedSub(Money other) const;
  std::optional<Money> CheckedMul(int64_t factor) const;

  Money operator+(Money o) const;
  Money operator-(Money o) const;
  Money operator*(int64_t factor) const;
  Money operator-() const;
  Money& operator+=(Money o) { return *this = *this + o; }
  Money& operator-=(Money o) { return *this = *this - o; }
  auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(int64_t units) : units_(units) {}
  int64_t units_ = 0;
};

}  // namespace ordo
