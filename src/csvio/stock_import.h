// Importing stock receipts from CSV.
//
// Columns (header names, any order and letter case):
//   warehouse* (code), sku*, quantity* (a positive whole number of the item's base unit),
//   reference (default empty)        * required
// Each row is one receipt, received with flows::ReceiveStock (which then allocates the
// backorders the new stock can serve). A row that repeats an earlier row's warehouse, SKU and
// reference is an error (a pasted-twice line); an unknown warehouse or SKU is an error on its
// line.
#pragma once

#include <string_view>

#include "core/command_context.h"
#include "csvio/import_unit.h"
#include "store/command_executor.h"

namespace ordo::csvio {

// Reads and checks `csv`; its command receives every row.
PreparedImport PrepareStock(std::string_view csv);

// Reads `csv` and, when it has no problem, receives all its rows in one unit of work.
ImportReport ImportStock(store::CommandExecutor& executor, const CommandContext& ctx,
                         std::string_view csv);

}  // namespace ordo::csvio
