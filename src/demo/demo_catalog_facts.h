// The demo catalog's commercial facts beyond its product lines, derived from the items without
// drawing on the random sequence (so the rest of the demo stays as it was):
// - a GTIN-13 for every item's base unit and a GTIN-14 for each of its pack sizes, under one
//   illustrative company prefix;
// - a minimum order quantity and order multiple of 25 on the cheap items that are always
//   ordered by 25 (demo_orders.cpp draws base quantities of such items in 25s) and whose packs
//   hold whole 25s, from the 400th item on;
// - a few customer part numbers for the first two customers.
#pragma once

#include <string>
#include <vector>

#include "demo/demo_accounts.h"
#include "demo/demo_catalog.h"

namespace ordo::demo {

// Sets the GTINs, minimum order quantities and multiples of `catalog` (before it is created).
void AddCatalogFacts(std::vector<DemoItem>& catalog);

struct DemoPartNumber {
  std::string customer;  // code
  std::string part_number;
  std::string sku;
  std::string uom;  // empty: the item's base unit
};

// Part numbers of the first two customers for some of their usual items.
std::vector<DemoPartNumber> DemoPartNumbers(const std::vector<DemoItem>& catalog,
                                            const std::vector<DemoCustomer>& customers);

}  // namespace ordo::demo
