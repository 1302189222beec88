// GTINs: the numbers under bar codes that name a trade item in one unit: GTIN-8 (EAN-8),
// GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14 (a case or pallet). All digits, the last a
// check digit: from the right, excluding the check digit, digits are weighted 3, 1, 3, 1, ...,
// and the check digit brings the weighted sum to a multiple of 10.
#pragma once

#include <string_view>

namespace ordo::catalog {

// True for 8, 12, 13 or 14 ASCII digits with a correct check digit.
bool IsValidGtin(std::string_view gtin);

}  // namespace ordo::catalog
