// An item's ordering rules: an order or quote line must ask for at least the item's minimum
// order quantity and for a whole number of its order multiple, both in base units (an item
// sold only by the case of 12 has multiple 12; one sold from 100 up has minimum 100).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "catalog/item.h"
#include "core/status.h"

namespace ordo::catalog {

// The problem of a line of `base_quantity` base units of `item`, at `path` (the line's
// "lines/<i>/quantity"), or nullopt when the item may be ordered so: "below_minimum" ("item
// FAS-10 is ordered at least 100 EA; this line has 40 EA") before "not_a_multiple" ("item
// FAS-10 is ordered in multiples of 12 EA; this line has 30 EA").
std::optional<FieldError> CheckOrderQuantity(const Item& item, int64_t base_quantity,
                                             const std::string& path);

}  // namespace ordo::catalog
