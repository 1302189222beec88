#include "catalog/gtin.h"

namespace ordo::catalog {

bool IsValidGtin(std::string_view gtin) {
  const size_t n = gtin.size();
  if (n != 8 && n != 12 && n != 13 && n != 14) return false;
  for (char c : gtin) {
    if (c < '0' || c > '9') return false;
  }
  int sum = 0;
  for (size_t k = 1; k < n; ++k) {  // k-th digit from the right, the check digit being the 0th
    const int digit = gtin[n - 1 - k] - '0';
    sum += (k % 2 == 1) ? 3 * digit : digit;
  }
  const int check = (10 - sum % 10) % 10;
  return gtin[n - 1] - '0' == check;
}

}  // namespace ordo::catalog
