#include "flows/order_allocation.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "inventory/allocation_plan.h"
#include "inventory/stock_movements.h"
#include "inventory/warehouse_repository.h"
#include "orders/order_repository.h"

namespace ordo::flows {

namespace {

// The warehouses a line's need is taken from, in sourcing order, given what is available now.
inventory::AllocationPlan PlanLine(
    store::Connection& conn, const orders::OrderLine& line, int64_t need,
    const std::unordered_map<WarehouseId, const inventory::Warehouse*>& by_id,
    std::optional<WarehouseId> preferred) {
  std::vector<inventory::WarehouseSupply> supplies;
  for (const auto& a : inventory::AvailableStock(conn, line.item)) {
    auto w = by_id.find(a.warehouse);
    int rank = w == by_id.end() ? 0 : w->second->allocation_rank;
    supplies.push_back({a.warehouse, rank, a.quantity});
  }
  return inventory::PlanAllocation(need, inventory::SourcingOrder(supplies, preferred));
}

}  // namespace

Reservation ReserveStock(store::Connection& conn, orders::Order& order,
                         std::optional<WarehouseId> preferred) {
  return ReserveStock(conn, order, preferred, inventory::ListWarehouses(conn));
}

Reservation ReserveStock(store::Connection& conn, orders::Order& order,
                         std::optional<WarehouseId> preferred,
                         const std::vector<inventory::Warehouse>& warehouses) {
  std::unordered_map<WarehouseId, const inventory::Warehouse*> by_id;
  for (const auto& w : warehouses) by_id[w.id] = &w;
  // The first warehouse of every line's sourcing order: the preferred one, else the lowest
  // rank (ListWarehouses sorts by rank, then id, as SourcingOrder does).
  std::optional<WarehouseId> first_choice = preferred;
  if (!first_choice && !warehouses.empty()) first_choice = warehouses.front().id;

  // Lines in item order, so the guarded stock updates lock rows in a consistent order when
  // the first choice has enough (the common case). A line that must be split plans from the
  // stock it reads and reserves its takes in warehouse order.
  std::vector<size_t> lines(order.lines.size());
  for (size_t i = 0; i < lines.size(); ++i) lines[i] = i;
  std::stable_sort(lines.begin(), lines.end(),
                   [&](size_t a, size_t b) { return order.lines[a].item < order.lines[b].item; });

  Reservation reservation;
  for (size_t index : lines) {
    const orders::OrderLine& line = order.lines[index];
    int64_t need = line.quantity_unallocated();
    if (need <= 0) continue;
    std::vector<inventory::AllocationPlan::Take> takes;
    // When the first choice has the whole need, the plan would take it all from there: one
    // guarded UPDATE replaces reading every warehouse's stock.
    if (first_choice && inventory::TryReserve(conn, line.item, *first_choice, need)) {
      takes.push_back({*first_choice, need});
    } else {
      takes = PlanLine(conn, line, need, by_id, preferred).takes;
      std::vector<inventory::AllocationPlan::Take> by_warehouse = takes;
      std::sort(by_warehouse.begin(), by_warehouse.end(),
                [](const auto& a, const auto& b) { return a.warehouse < b.warehouse; });
      for (const auto& take : by_warehouse) {
        // The plan read these rows inside this unit of work, so this cannot fail unless an
        // invariant is broken; refuse to go on rather than oversell.
        if (!inventory::TryReserve(conn, line.item, take.warehouse, take.quantity)) {
          throw std::logic_error("allocation plan exceeded stock");
        }
      }
    }
    for (const auto& take : takes) {
      reservation.takes.push_back({index, take.warehouse, take.quantity});
      reservation.total += take.quantity;
    }
  }
  ApplyReservation(order, reservation, warehouses);
  return reservation;
}

void RecordReservation(store::Connection& conn, const CommandContext& ctx,
                       const orders::Order& order, const Reservation& reservation) {
  if (reservation.takes.empty()) return;
  std::vector<inventory::StockChange> changes;
  std::vector<orders::NewAllocation> allocations;
  for (const auto& take : reservation.takes) {
    const orders::OrderLine& line = order.lines[take.line_index];
    changes.push_back({line.item, take.warehouse, take.quantity});
    allocations.push_back({line.id, take.warehouse, take.quantity});
  }
  inventory::RecordAllocations(conn, ctx, changes, order.id);
  orders::AddLineAllocations(conn, allocations);
}

void ApplyReservation(orders::Order& order, const Reservation& reservation,
                      const std::vector<inventory::Warehouse>& warehouses) {
  if (reservation.takes.empty()) return;
  std::unordered_map<WarehouseId, const inventory::Warehouse*> by_id;
  for (const auto& w : warehouses) by_id[w.id] = &w;
  for (const auto& take : reservation.takes) {
    orders::OrderLine& line = order.lines[take.line_index];
    auto w = by_id.find(take.warehouse);
    bool merged = false;
    for (auto& a : line.allocations) {
      if (a.warehouse == take.warehouse) {
        a.quantity += take.quantity;
        merged = true;
      }
    }
    if (!merged) {
      line.allocations.push_back(
          {take.warehouse, w == by_id.end() ? "" : w->second->code, take.quantity});
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
}

int64_t AllocateOrder(store::Connection& conn, const CommandContext& ctx, orders::Order& order,
                      std::optional<WarehouseId> preferred) {
  Reservation reservation = ReserveStock(conn, order, preferred);
  RecordReservation(conn, ctx, order, reservation);
  // Also when the status stays (a short line filled, the order still backordered by another):
  // StoreStatus stores the lines' awaiting_stock again too.
  if (!reservation.takes.empty()) orders::StoreStatus(conn, order.id, orders::DeriveStatus(order));
  return reservation.total;
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
