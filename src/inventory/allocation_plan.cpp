#include "inventory/allocation_plan.h"

#include <algorithm>

namespace ordo::inventory {

std::vector<WarehouseSupply> SourcingOrder(std::vector<WarehouseSupply> supplies,
                                           std::optional<WarehouseId> preferred) {
  std::stable_sort(supplies.begin(), supplies.end(),
                   [&](const WarehouseSupply& a, const WarehouseSupply& b) {
                     bool ap = preferred && a.warehouse == *preferred;
                     bool bp = preferred && b.warehouse == *preferred;
                     if (ap != bp) return ap;
                     if (a.rank != b.rank) return a.rank < b.rank;
                     return a.warehouse < b.warehouse;
                   });
  return supplies;
}

AllocationPlan PlanAllocation(int64_t need, const std::vector<WarehouseSupply>& supplies) {
  AllocationPlan plan;
  for (const auto& s : supplies) {
    if (need == 0) break;
    int64_t take = std::min(need, std::max<int64_t>(s.available, 0));
    if (take == 0) continue;
    plan.takes.push_back({s.warehouse, take});
    need -= take;
  }
  plan.backordered = need;
  return plan;
}

}  // namespace ordo::inventory
