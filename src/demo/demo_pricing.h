// The demo distributor's pricing rules, made after its history so the history's prices stay as
// planned: two price lists (with quantity breaks) given to two thirds of the customers, pricing
// groups, a contract for each of the first customers on items it buys again and again, and
// three promotions running today (none of it under an item's floor) — so the desk and new orders
// show explained prices.
#pragma once

#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "demo/demo_accounts.h"
#include "demo/demo_catalog.h"
#include "store/command_executor.h"

namespace ordo::demo {

struct DemoPricingCounts {
  int price_lists = 0;
  int contracts = 0;
  int promotions = 0;
};

Result<DemoPricingCounts> CreateDemoPricing(store::CommandExecutor& exec,
                                            const std::vector<DemoItem>& catalog,
                                            const std::vector<DemoCustomer>& customers,
                                            Timestamp now);

}  // namespace ordo::demo
