// The demo catalog: believable MRO items built from the product tables.
#pragma once

#include <cstddef>
#include <vector>

#include "catalog/item.h"
#include "demo/demo_random.h"

namespace ordo::demo {

struct DemoItem {
  catalog::NewItem item;  // reorder_point is left 0 for the stock planner to set
  size_t line = 0;        // index into ProductLines()
  int popularity = 1;     // relative weight when an order picks from the whole catalog
};

// `count` items with unique SKUs ("FAS-10432") and names, list prices built from integer
// cents (four decimals below a dollar), cost 45-75% of list, base units and pack sizes per
// product kind, about 3% inactive.
std::vector<DemoItem> BuildCatalog(DemoRandom& rng, int count);

}  // namespace ordo::demo
