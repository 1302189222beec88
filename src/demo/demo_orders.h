// The demo's order history, planned in memory before anything is written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/money.h"
#include "customers/customer_repository.h"
#include "demo/demo_accounts.h"
#include "demo/demo_calendar.h"
#include "demo/demo_catalog.h"
#include "demo/demo_random.h"
#include "flows/place_order_request.h"

namespace ordo::demo {

struct LineDemand {
  size_t item = 0;       // catalog index
  int64_t quantity = 0;  // base units
};

struct PlannedOrder {
  int day = 0;  // index in the history window
  Timestamp at;
  std::string actor;
  size_t customer = 0;  // index into the customers
  flows::PlaceOrderRequest request;
  std::vector<LineDemand> demand;  // one per line
  Money value;                     // the subtotal the order will have
};

// About `orders_per_day` orders each business day of `window` (fewer on weekends, only
// through web, portal and EDI), at business-hour times that suit each channel, from customers
// in proportion to their size, mostly for their usual items: 1-12 lines, sometimes in packs,
// occasionally at a manual price with a reason. Sorted by time.
std::vector<PlannedOrder> PlanOrders(DemoRandom& rng, const std::vector<DemoItem>& catalog,
                                     const std::vector<DemoCustomer>& customers,
                                     const std::vector<customers::PriceTier>& tiers,
                                     const HistoryWindow& window, int orders_per_day);

}  // namespace ordo::demo
