// An item's floor price: the least unit price that leaves its product line's minimum margin
// over its cost. The margin is a share of the price, so
//
//   floor = cost / (1 - min_margin_bp / 10,000) = cost × 10,000 / (10,000 - min_margin_bp)
//
// computed exactly in Money's units (1/10,000) and rounded UP to the next unit, so that a price
// at the floor never leaves less than the minimum margin: the floor is the smallest price p with
// (p - cost) / p >= min_margin. A cost of 12.00 with a 25.00% margin floors at 16.00; a cost of
// 1.00 with 33.33% gives 1.49992500..., which floors at 1.5000.
#pragma once

#include "core/money.h"

namespace ordo::catalog {

// REQUIRES: cost >= 0 and 0 <= min_margin_bp < 10,000 (what items and product lines hold). The
// intermediate product is 128-bit; the floor fits Money for any cost an item can hold (at most
// FieldReader::kMaxAmountWhole, and the floor is at most 10,000 times the cost).
Money FloorPrice(Money cost, int min_margin_bp);

}  // namespace ordo::catalog
