// The demo distributor's product lines: one per family of the demo catalog
// (demo_products.h), coded by its SKU prefix, each with a minimum margin. Every demo item
// belongs to its family's line (BuildCatalog). The margins stay below what the deepest price
// tier (15% off list) leaves on the costliest item (cost 75% of list: 11.7%), so that list and
// tier prices of the demo are never under an item's floor.
#pragma once

#include <vector>

#include "catalog/product_line.h"

namespace ordo::demo {

std::vector<catalog::NewProductLine> DemoProductLines();

}  // namespace ordo::demo
