// Allocation planning: how much of a need each warehouse supplies. Pure logic.
//
// Warehouses are tried in a deterministic order: the ship-to's preferred warehouse first, then
// the others by allocation rank and id. Each gives what it has available, up to what is still
// needed; whatever no warehouse can give is backordered. A plan never takes more than a
// warehouse's available quantity.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/ids.h"

namespace ordo::inventory {

struct WarehouseSupply {
  WarehouseId warehouse;
  int rank = 100;
  int64_t available = 0;
};

struct AllocationPlan {
  struct Take {
    WarehouseId warehouse;
    int64_t quantity = 0;
  };
  std::vector<Take> takes;  // in the order tried; only positive quantities
  int64_t backordered = 0;
};

// The order in which warehouses are tried for a ship-to preferring `preferred`.
std::vector<WarehouseSupply> SourcingOrder(std::vector<WarehouseSupply> supplies,
                                           std::optional<WarehouseId> preferred);

// REQUIRES: need >= 0; supplies already in SourcingOrder().
AllocationPlan PlanAllocation(int64_t need, const std::vector<WarehouseSupply>& supplies);

}  // namespace ordo::inventory
