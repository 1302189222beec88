// The demo's stock: opening receipts and weekly replenishment, planned from the order plan.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "demo/demo_calendar.h"
#include "demo/demo_catalog.h"
#include "demo/demo_orders.h"
#include "demo/demo_random.h"
#include "inventory/stock_commands.h"
#include "inventory/warehouse.h"

namespace ordo::demo {

struct PlannedReceipt {
  int day = -1;  // index in the history window; -1 for opening stock, before the history
  Timestamp at;
  std::string actor;
  inventory::Receipt receipt;
};

struct StockPlan {
  std::vector<int64_t> reorder_points;   // per catalog item
  std::vector<PlannedReceipt> receipts;  // by time
};

// Stocks most active items in two or three warehouses (a few in one), opening with about six
// weeks of the planned demand, then receives each Monday what would fall below its reorder
// point, one purchase order per warehouse and product line. A few slow movers are out of stock
// everywhere, and a few others are never replenished and run out. Quantities are whole packs.
// The planned demand ignores holds and cancellations, so real use leaves stock over.
StockPlan PlanStock(DemoRandom& rng, const std::vector<DemoItem>& catalog,
                    const std::vector<PlannedOrder>& orders,
                    const std::vector<inventory::Warehouse>& warehouses,
                    const HistoryWindow& window);

}  // namespace ordo::demo
