// Importing catalog items from CSV.
//
// Columns (header names, any order and letter case):
//   sku*, name*, uom (default EA), list_price*, cost (default 0), tax_class (default
//   standard), active (true/false/yes/no/1/0, default true), reorder_point (whole, default 0),
//   pack_sizes ("CS=12;PL=480", default none), product_line (a product line's code, default
//   none: an unknown code is an error on its line)        * required
// Each row is one item, created with catalog::CreateItem. A SKU that appears twice in the file
// or already exists in the database is an error on its line.
#pragma once

#include <string_view>

#include "core/command_context.h"
#include "csvio/import_unit.h"
#include "store/command_executor.h"

namespace ordo::csvio {

// Reads and checks `csv`; its command creates every item.
PreparedImport PrepareItems(std::string_view csv);

// Reads `csv` and, when it has no problem, creates all its items in one unit of work.
ImportReport ImportItems(store::CommandExecutor& executor, const CommandContext& ctx,
                         std::string_view csv);

}  // namespace ordo::csvio
