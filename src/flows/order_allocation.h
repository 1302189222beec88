// Allocating an order's open lines to stock, across warehouses.
#pragma once

#include "core/command_context.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

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
