// Shared syntax check for the decimal strings of money and quantity amounts.
#pragma once

#include <optional>
#include <string_view>

namespace ordo::internal {

struct DecimalParts {
  bool negative = false;
  std::string_view whole;     // one or more digits
  std::string_view fraction;  // empty when there is no '.'
};

inline bool AllDigits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Splits "-12.50" into {true, "12", "50"}. Accepts exactly: optional '-', one or more digits,
// and optionally '.' followed by one or more digits; nullopt for anything else.
inline std::optional<DecimalParts> SplitDecimal(std::string_view text) {
  DecimalParts parts;
  if (text.starts_with('-')) {
    parts.negative = true;
    text.remove_prefix(1);
  }
  const size_t point = text.find('.');
  parts.whole = text.substr(0, point);
  if (point != std::string_view::npos) {
    parts.fraction = text.substr(point + 1);
    if (parts.fraction.empty()) return std::nullopt;
  }
  if (parts.whole.empty() || !AllDigits(parts.whole) || !AllDigits(parts.fraction)) {
    return std::nullopt;
  }
  return parts;
}

}  // namespace ordo::internal
