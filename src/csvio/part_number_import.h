// Importing customers' own part numbers for our items from CSV.
//
// Columns (header names, any order and letter case):
//   customer*, part_number*, sku*, uom (default the item's base unit)        * required
// Each row creates or replaces one mapping (catalog::SaveCustomerPartNumber). An unknown
// customer or SKU, a unit the item is not sold in, or the same customer and part number twice
// in the file is an error on its line.
#pragma once

#include <string_view>

#include "csvio/import_unit.h"

namespace ordo::csvio {

// Reads and checks `csv`; its command saves every mapping.
PreparedImport PreparePartNumbers(std::string_view csv);

}  // namespace ordo::csvio
