// Commands of the catalog module. Each runs inside a unit of work given by the caller.
#pragma once

#include "catalog/item.h"
#include "core/command_context.h"
#include "store/database.h"

namespace ordo::catalog {

// Creates an item. Errors: invalid_argument (every bad field; unknown_product_line), conflict
// (SKU taken, or a GTIN another item's: "duplicate" at the field).
Result<Item> CreateItem(store::Connection& conn, const CommandContext& ctx, const NewItem& item);

}  // namespace ordo::catalog
