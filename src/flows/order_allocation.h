// Allocating an order's open lines to stock, across warehouses.
#pragma once

#include <cstddef>
#include <vector>

#include "core/command_context.h"
#include "inventory/stock_movements.h"
#include "inventory/warehouse.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

// Stock set aside by ReserveStock, to be recorded once the order and its lines have ids.
struct Reservation {
  struct Take {
    size_t line_index;  // into order.lines
    WarehouseId warehouse;
    int64_t quantity = 0;
  };
  std::vector<Take> takes;
  int64_t total = 0;
};

// Sets aside, in the stock table, what each line still needs, warehouse by warehouse in
// sourcing order (the ship-to's preferred warehouse first), and adds the takes to the lines'
// allocations in memory; the rest stays backordered. Needs no ids, so order entry reserves
// before it inserts the order and stores its final status at once.
Reservation ReserveStock(store::Connection& conn, orders::Order& order,
                         std::optional<WarehouseId> preferred);
// The same, given every warehouse as ListWarehouses returns them (by rank, then id), read
// earlier by a caller that knows they have not changed since.
Reservation ReserveStock(store::Connection& conn, orders::Order& order,
                         std::optional<WarehouseId> preferred,
                         const std::vector<inventory::Warehouse>& warehouses);
// Writes the reservation's allocate movements and the lines' allocation rows.
// REQUIRES: the order and its lines have ids.
void RecordReservation(store::Connection& conn, const CommandContext& ctx,
                       const orders::Order& order, const Reservation& reservation);
// Adds the reservation's takes to the lines' allocations in memory, one per warehouse, kept in
// the order views::LoadOrder shows them (allocation rank, then id). `warehouses` names and
// ranks them.
// Writes nothing: the stock was set aside by whoever made the reservation.
void ApplyReservation(orders::Order& order, const Reservation& reservation,
                      const std::vector<inventory::Warehouse>& warehouses);

// Allocates what each line still needs, warehouse by warehouse in sourcing order (the
// ship-to's preferred warehouse first), and backorders the rest. Updates `order.lines`'
// allocations in memory to match what was written, and stores the order's status when the
// allocation changes it. Returns the quantity allocated.
// REQUIRES: the order has no active hold.
int64_t AllocateOrder(store::Connection& conn, const CommandContext& ctx, orders::Order& order,
                      std::optional<WarehouseId> preferred);

// Gives back every allocation of the order's lines.
void DeallocateOrder(store::Connection& conn, const CommandContext& ctx, orders::Order& order);

}  // namespace ordo::flows
