#include "flows/order_allocation.h"

#include "inventory/allocation_plan.h"
#include "inventory/stock_ledger.h"
#include "orders/order_repository.h"

namespace ordo::flows {

int64_t AllocateOrder(store::Connection& conn, const CommandContext& ctx, orders::Order& order,
                      std::optional<WarehouseId> preferred) {
  int64_t total = 0;
  for (auto& line : order.lines) {
    int64_t need = line.quantity_unallocated();
    if (need <= 0) continue;
    std::vector<inventory::WarehouseSupply> supplies;
    std::vector<inventory::StockLevel> levels = inventory::StockForItem(conn, line.item);
    for (const auto& s : levels) supplies.push_back({s.warehouse, s.rank, s.available()});
    auto plan = inventory::PlanAllocation(need, inventory::SourcingOrder(supplies, preferred));
    for (const auto& take : plan.takes) {
      Status st = inventory::Allocate(conn, ctx, line.item, take.warehouse, take.quantity,
                                      order.id);
      // The plan read the same rows inside this unit of work, so this cannot fail unless an
      // invariant is broken; refuse to go on rather than oversell.
      if (!st.ok()) throw std::logic_error("allocation plan exceeded stock: " + st.message());
      orders::AddLineAllocation(conn, line.id, take.warehouse, take.quantity);
      std::string code;
      for (const auto& s : levels) {
        if (s.warehouse == take.warehouse) code = s.warehouse_code;
      }
      bool merged = false;
      for (auto& a : line.allocations) {
        if (a.warehouse == take.warehouse) {
          a.quantity += take.quantity;
          merged = true;
        }
      }
      if (!merged) line.allocations.push_back({take.warehouse, code, take.quantity});
      total += take.quantity;
    }
  }
  return total;
}

void DeallocateOrder(store::Connection& conn, const CommandContext& ctx, orders::Order& order) {
  for (auto& line : order.lines) {
    if (line.allocations.empty()) continue;
    for (const auto& a : line.allocations) {
      inventory::Deallocate(conn, ctx, line.item, a.warehouse, a.quantity, order.id);
    }
    orders::ClearLineAllocations(conn, line.id);
    line.allocations.clear();
  }
}

}  // namespace ordo::flows
