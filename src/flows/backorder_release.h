// Backorder release: when stock becomes available in a warehouse, the backordered order lines
// of that item are allocated from it in the same unit of work as the change that freed it
// (a receipt, a positive adjustment, a cancellation; later a return's restock).
//
// Arriving stock in a warehouse serves every backordered line of its item, whatever the
// order's preferred warehouse: the ship-to's preference orders sourcing at order entry and
// hold release, but a line that waits for stock takes the first that arrives anywhere rather
// than waiting for its preferred warehouse (shipping from there is the pick list's concern).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/command_context.h"
#include "core/ids.h"
#include "store/database.h"

namespace ordo::flows {

// Stock of an item in a warehouse that has become available.
struct StockKey {
  ItemId item;
  WarehouseId warehouse;
  friend bool operator==(const StockKey&, const StockKey&) = default;
  friend auto operator<=>(const StockKey&, const StockKey&) = default;
};

// One allocation made by a release: `quantity` of the line `line_no` of order `number` from
// `warehouse`.
struct ReleasedAllocation {
  OrderId order;
  std::string number;
  int line_no = 0;
  ItemId item;
  WarehouseId warehouse;
  int64_t quantity = 0;
};

struct BackorderRelease {
  std::vector<ReleasedAllocation> allocations;  // by order id, then line_no
  int64_t total() const;
};

// Allocates what is available (on hand - allocated) of each key's item in its warehouse to
// the item's backordered lines, in priority order: the earliest requested date first (orders
// without one last), then the oldest order, then line_no. Lines of orders on an active hold or
// cancelled, and fully allocated lines, are skipped; never more than is available is taken.
//
// Each order that gets stock is changed once, however many keys served it: an allocate
// movement and an allocation row per (line, warehouse), the order's version bumped and its
// stored status derived again (backordered -> open when everything open is now allocated),
// an "order.allocate" audit row and an "order.allocated" event {"id", "number", "quantity",
// "reason": "backorder_release", "lines": [{"line_no", "sku", "warehouse", "quantity"}]}.
// Orders with allow_partial_shipment false are allocated too; shipment creation is what waits
// for every line.
//
// Runs inside the caller's unit of work, after the change that made the stock available.
// Keys may repeat and come in any order; stock rows are reserved in (item, warehouse) order.
// Returns what was allocated (nothing when nothing is backordered or available). Throws
// std::logic_error only when an invariant is broken (stock read in this unit of work vanished).
BackorderRelease ReleaseBackorders(store::Connection& conn, const CommandContext& ctx,
                                   std::vector<StockKey> keys);

// The same for one item in one warehouse.
BackorderRelease ReleaseBackorders(store::Connection& conn, const CommandContext& ctx, ItemId item,
                                   WarehouseId warehouse);

}  // namespace ordo::flows
