// The stock movements as they are shown: inventory::ListMovements with each movement's SKU.
#pragma once

#include <cstdint>
#include <vector>

#include "inventory/stock_queries.h"
#include "store/database.h"

namespace ordo::views {

// inventory::ListMovements, with the SKU of every row (one more query for the page).
std::vector<inventory::Movement> ListMovements(store::Connection& conn,
                                               const inventory::MovementFilter& filter,
                                               int64_t after_id, int limit);

}  // namespace ordo::views
