#include "catalog/floor_price.h"

namespace ordo::catalog {
namespace {

__extension__ typedef __int128 Int128;

}  // namespace

Money FloorPrice(Money cost, int min_margin_bp) {
  constexpr Int128 kWhole = 10'000;  // basis points in 100%
  const Int128 numerator = static_cast<Int128>(cost.units()) * kWhole;
  const Int128 denominator = kWhole - min_margin_bp;
  // Rounds up: the numerator is not negative and the denominator is positive.
  const Int128 floor_units = (numerator + denominator - 1) / denominator;
  return Money::FromUnits(static_cast<int64_t>(floor_units));
}

}  // namespace ordo::catalog
