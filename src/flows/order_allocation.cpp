#include "flows/order_allocation.h"

#include <algorithm>
#include <unordered_map>

#include "inventory/allocation_plan.h"
#include "inventory/stock_ledger.h"
#include "inventory/warehouse_repository.h"
#include "orders/order_repository.h"

namespace ordo::flows {

int64_t AllocateOrder(store::Connection& conn, const CommandContext& ctx, orders::Order& order,
                      std::optional<WarehouseId> preferred) {
  const orders::OrderStatus status_before = orders::DeriveStatus(order);
  std::vector<inventory::Warehouse> warehouses = inventory::ListWarehouses(conn);
  std::unordered_map<WarehouseId, const inventory::Warehouse*> by_id;
  for (const auto& w : warehouses) by_id[w.id] = &w;

  std::vector<inventory::StockChange> changes;
  std::vector<orders::NewAllocation> allocations;
  int64_t total = 0;
  for (auto& line : order.lines) {
    int64_t need = line.quantity_unallocated();
    if (need <= 0) continue;
    std::vector<inventory::WarehouseSupply> supplies;
    for (const auto& a : inventory::AvailableStock(conn, line.item)) {
      auto w = by_id.find(a.warehouse);
      int rank = w == by_id.end() ? 0 : w->second->allocation_rank;
      int64_t available = a.quantity;
      // The same item on two lines of one order: what an earlier line took is gone.
      for (const auto& c : changes) {
        if (c.item == line.item && c.warehouse == a.warehouse) available -= c.quantity;
      }
      supplies.push_back({a.warehouse, rank, available});
    }
    auto plan = inventory::PlanAllocation(need, inventory::SourcingOrder(supplies, preferred));
    for (const auto& take : plan.takes) {
      changes.push_back({line.item, take.warehouse, take.quantity});
      allocations.push_back({line.id, take.warehouse, take.quantity});
      auto w = by_id.find(take.warehouse);
      std::string code = w == by_id.end() ? "" : w->second->code;
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
  // Allocations read back from storage come in rank order; keep the in-memory order the same.
  auto rank_of = [&](WarehouseId id) {
    auto w = by_id.find(id);
    return std::make_pair(w == by_id.end() ? 0 : w->second->allocation_rank, id.value());
  };
  for (auto& line : order.lines) {
    std::sort(line.allocations.begin(), line.allocations.end(), [&](const auto& a, const auto& b) {
      return rank_of(a.warehouse) < rank_of(b.warehouse);
    });
  }
  // The plan read the same rows inside this unit of work, so this cannot fail unless an
  // invariant is broken; refuse to go on rather than oversell.
  Status st = inventory::Allocate(conn, ctx, changes, order.id);
  if (!st.ok()) throw std::logic_error("allocation plan exceeded stock: " + st.message());
  orders::AddLineAllocations(conn, allocations);
  // A placed order was stored backordered before its allocation; keep orders.status current.
  if (orders::OrderStatus now = orders::DeriveStatus(order); now != status_before) {
    orders::StoreStatus(conn, order.id, now);
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
