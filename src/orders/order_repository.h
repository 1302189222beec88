// Reads and writes of orders, their lines, allocations and holds. The orders module owns
// these tables; other modules refer to orders by id.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "orders/order.h"
#include "store/database.h"

namespace ordo::orders {

// The next order number ("SO-000042"), without gaps: it is taken inside the command's unit of
// work, so a rolled-back command gives its number back.
std::string NextOrderNumber(store::Connection& conn);

// Writes the header and lines (not allocations or holds); fills in order.id and line ids.
void InsertOrder(store::Connection& conn, Order& order);
struct NewAllocation {
  OrderLineId line;
  WarehouseId warehouse;
  int64_t quantity = 0;
};
// Adds each quantity to its line's allocation in its warehouse. REQUIRES: no (line,
// warehouse) pair twice.
void AddLineAllocations(store::Connection& conn, const std::vector<NewAllocation>& adds);
// Removes every allocation of the line.
void ClearLineAllocations(store::Connection& conn, OrderLineId line);
int64_t InsertHold(store::Connection& conn, OrderId order, const Hold& hold);
void ReleaseHold(store::Connection& conn, int64_t hold_id, Timestamp at, std::string_view by,
                 std::string_view note);
void SetLineCancelled(store::Connection& conn, OrderLineId line, int64_t quantity_cancelled);
// Bumps the version; returns false when `expected_version` no longer matches.
bool TouchOrder(store::Connection& conn, OrderId order, int64_t expected_version, Timestamp at,
                const std::optional<std::string>& cancel_reason);

std::optional<Order> LoadOrder(store::Connection& conn, OrderId id);
std::optional<Order> LoadOrderByNumber(store::Connection& conn, std::string_view number);

}  // namespace ordo::orders
