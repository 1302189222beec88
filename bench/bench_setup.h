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

}  // namespace ordo::bench
