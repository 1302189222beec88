#include "core/money.h"

#include <array>
#include <limits>

#include "core/decimal_syntax.h"

namespace ordo {
namespace {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

constexpr std::array<Currency, 10> kCurrencies{{
    {"USD", 2},
    {"EUR", 2},
    {"GBP", 2},
    {"CAD", 2},
    {"AUD", 2},
    {"CHF", 2},
    {"MXN", 2},
    {"JPY", 0},
    {"KWD", 3},
    {"BHD", 3},
}};

constexpr std::array<int64_t, Money::kScaleDigits + 1> kPowersOfTen{1, 10, 100, 1'000, 10'000};

int64_t DiscardedScale(int digits) {
  if (digits < 0 || digits > Money::kScaleDigits) {
    throw std::invalid_argument("Money: digits must be 0..4, got " + std::to_string(digits));
  }
  return kPowersOfTen[Money::kScaleDigits - digits];
}

// quotient + remainder/divisor rounded half-even; divisor > 0, remainder has the sign of the
// dividend (C++ truncating division).
Int128 RoundHalfEven(Int128 quotient, Int128 remainder, Int128 divisor) {
  const Int128 twice = (remainder < 0 ? -remainder : remainder) * 2;
  if (twice > divisor || (twice == divisor && quotient % 2 != 0)) {
    quotient += remainder < 0 ? -1 : 1;
  }
  return quotient;
}

int64_t NarrowOrThrow(Int128 value, const char* operation) {
  if (value > kMax || value < kMin) {
    throw OverflowError(std::string("Money overflow in ") + operation);
  }
  return static_cast<int64_t>(value);
}

Status ParseError(std::string_view text, std::string code, std::string message) {
  return Status::InvalidArgument("invalid amount \"" + std::string(text) + "\"",
                                 {FieldError{"", std::move(code), std::move(message)}});
}

}  // namespace

std::optional<Currency> FindCurrency(std::string_view code) {
  for (const Currency& currency : kCurrencies) {
    if (currency.code == code) return currency;
  }
  return std::nullopt;
}

Money Money::FromWhole(int64_t whole) {
  int64_t units = 0;
  if (__builtin_mul_overflow(whole, kScale, &units)) {
    throw OverflowError("Money overflow in FromWhole");
  }
  return Money(units);
}

Result<Money> Money::Parse(std::string_view text) {
  const std::optional<internal::DecimalParts> parts = internal::SplitDecimal(text);
  if (!parts) {
    return ParseError(text, "invalid_amount", "must be a decimal number such as \"-12.50\"");
  }
  if (parts->fraction.size() > static_cast<size_t>(kScaleDigits)) {
    return ParseError(text, "too_many_decimals", "at most 4 decimals are allowed");
  }
  const UInt128 limit = parts->negative ? UInt128{1} << 63 : static_cast<UInt128>(kMax);
  UInt128 magnitude = 0;
  for (char c : parts->whole) {
    magnitude = magnitude * 10 + static_cast<UInt128>(c - '0');
    if (magnitude > limit) break;
  }
  magnitude *= kScale;
  int64_t fraction = 0;
  for (char c : parts->fraction) fraction = fraction * 10 + (c - '0');
  magnitude += static_cast<UInt128>(fraction * kPowersOfTen[kScaleDigits - parts->fraction.size()]);
  if (magnitude > limit) {
    return ParseError(text, "out_of_range", "the amount is too large");
  }
  const Int128 signed_units =
      parts->negative ? -static_cast<Int128>(magnitude) : static_cast<Int128>(magnitude);
  return Money(static_cast<int64_t>(signed_units));
}

Money Money::Round(int digits) const {
  const int64_t divisor = DiscardedScale(digits);
  const Int128 quotient = RoundHalfEven(units_ / divisor, units_ % divisor, divisor);
  return Money(NarrowOrThrow(quotient * divisor, "Round"));
}

bool Money::IsExactAt(int digits) const {
  return units_ % DiscardedScale(digits) == 0;
}

std::string Money::Format(int min_digits) const {
  DiscardedScale(min_digits);
  const uint64_t magnitude =
      units_ < 0 ? uint64_t{0} - static_cast<uint64_t>(units_) : static_cast<uint64_t>(units_);
  const uint64_t whole = magnitude / kScale;
  std::string fraction = std::to_string(magnitude % kScale);
  fraction.insert(0, kScaleDigits - fraction.size(), '0');
  size_t keep = fraction.find_last_not_of('0') + 1;  // npos + 1 == 0 when all zeros
  if (keep < static_cast<size_t>(min_digits)) keep = min_digits;
  fraction.resize(keep);

  std::string out = units_ < 0 ? "-" : "";
  out += std::to_string(whole);
  if (!fraction.empty()) out += "." + fraction;
  return out;
}

Money Money::MulRatio(int64_t numerator, int64_t denominator) const {
  if (denominator <= 0) throw std::invalid_argument("Money::MulRatio: denominator must be > 0");
  const Int128 product = static_cast<Int128>(units_) * numerator;
  const Int128 quotient = RoundHalfEven(product / denominator, product % denominator, denominator);
  return Money(NarrowOrThrow(quotient, "MulRatio"));
}

std::optional<Money> Money::CheckedAdd(Money other) const {
  int64_t sum = 0;
  if (__builtin_add_overflow(units_, other.units_, &sum)) return std::nullopt;
  return Money(sum);
}

std::optional<Money> Money::CheckedSub(Money other) const {
  int64_t difference = 0;
  if (__builtin_sub_overflow(units_, other.units_, &difference)) return std::nullopt;
  return Money(difference);
}

std::optional<Money> Money::CheckedMul(int64_t factor) const {
  int64_t product = 0;
  if (__builtin_mul_overflow(units_, factor, &product)) return std::nullopt;
  return Money(product);
}

Money Money::operator+(Money o) const {
  if (std::optional<Money> sum = CheckedAdd(o)) return *sum;
  throw OverflowError("Money overflow in +");
}

Money Money::operator-(Money o) const {
  if (std::optional<Money> difference = CheckedSub(o)) return *difference;
  throw OverflowError("Money overflow in -");
}

Money Money::operator*(int64_t factor) const {
  if (std::optional<Money> product = CheckedMul(factor)) return *product;
  throw OverflowError("Money overflow in *");
}

Money Money::operator-() const {
  return Money() - *this;
}

}  // namespace ordo
