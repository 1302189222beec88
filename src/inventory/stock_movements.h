// Stock levels and their movements.
//
// On hand and allocated are kept per (item, warehouse); available = on hand - allocated, and
// the table's CHECKs make a negative figure impossible. Every change writes a movement row:
// receipt and adjustment change on hand, allocate and deallocate change allocated, and ship
// (allocated stock leaving the warehouse) changes both by the same amount.
// These functions are building blocks for commands; they run inside the caller's unit of work.
// Each movement they write may also make the movements' tail full, and the same call then
// indexes it (movement_item_index.h); nothing else inserts into stock_movements.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/command_context.h"
#include "core/ids.h"
#include "core/status.h"
#include "inventory/allocation_plan.h"
#include "store/database.h"

namespace ordo::inventory {

// Adds `quantity` (may be negative) to on hand. Returns insufficient_stock when the result
// would be negative or below what is allocated.
Status ChangeOnHand(store::Connection& conn, const CommandContext& ctx, ItemId item,
                    WarehouseId warehouse, int64_t quantity, std::string_view kind,
                    std::string_view reference);

// What is available of `item` per warehouse that holds a stock row for it.
struct Available {
  WarehouseId warehouse;
  int64_t quantity = 0;
};
std::vector<Available> AvailableStock(store::Connection& conn, ItemId item);

struct StockChange {
  ItemId item;
  WarehouseId warehouse;
  int64_t quantity = 0;
};

// Sets aside each change's quantity (> 0) for an order, with one movement each. Returns
// insufficient_stock at the first change that exceeds what is available; the caller's unit
// of work must then be rolled back (earlier changes were applied).
Status Allocate(store::Connection& conn, const CommandContext& ctx,
                const std::vector<StockChange>& changes, OrderId order);

// The two halves of Allocate, for callers that reserve as they plan:
// Sets aside `quantity` (> 0) of `item` in `warehouse` when that much is available there, in
// one guarded UPDATE; false, with nothing changed, when it is not (or there is no stock row).
bool TryReserve(store::Connection& conn, ItemId item, WarehouseId warehouse, int64_t quantity);
// Writes the allocate movement of every change, in one statement.
void RecordAllocations(store::Connection& conn, const CommandContext& ctx,
                       const std::vector<StockChange>& changes, OrderId order);

// Gives back `quantity` > 0 of an order's allocation.
void Deallocate(store::Connection& conn, const CommandContext& ctx, ItemId item,
                WarehouseId warehouse, int64_t quantity, OrderId order);

// Allocated stock leaves the warehouse: on hand and allocated both drop by `quantity` > 0, with
// one "ship" movement of -quantity (`reference`: the shipment number). Returns
// insufficient_stock, with nothing changed, when less than `quantity` is allocated there.
Status Ship(store::Connection& conn, const CommandContext& ctx, ItemId item, WarehouseId warehouse,
            int64_t quantity, OrderId order, std::string_view reference);

}  // namespace ordo::inventory
