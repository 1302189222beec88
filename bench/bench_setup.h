// The benchmark's distributor: demo-scale catalog, customers and stock, made through the
// domain commands, with credit limits and stock deep enough that orders allocate.
#pragma once

#include <string>
#include <vector>

#include "store/command_executor.h"

namespace ordo::bench {

struct BenchScale {
  int warehouses = 3;
  int items = 600;
  int customers = 60;
  int64_t stock_per_item = 100'000'000;
};

struct BenchCatalog {
  std::vector<std::string> skus;
  std::vector<std::string> customers;
  std::vector<std::string> warehouses;
};

BenchCatalog SetUpBenchCatalog(store::CommandExecutor& exec, const BenchScale& scale);

// Issue 14's pricing load: 10,000 contract prices (every customer has contracts, each term
// for an item or, one in ten, a product line), 1,000 promotions valid today (by item, some by
// customer group, both stacking rules), a price list with a price and a quantity break for
// every item, given to every customer with a pricing group. Orders then resolve prices
// through all of it.
void AddBenchPricingRules(store::CommandExecutor& exec, const BenchCatalog& cat);

}  // namespace ordo::bench
