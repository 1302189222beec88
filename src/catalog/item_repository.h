// Reads and writes of items and their pack sizes. The catalog module owns these tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/item.h"
#include "store/database.h"

namespace ordo::catalog {

std::optional<Item> FindItemBySku(store::Connection& conn, std::string_view sku);
// The items with these SKUs (unknown SKUs are absent), in two statements whatever the count.
std::unordered_map<std::string, Item> FindItemsBySku(store::Connection& conn,
                                                     const std::vector<std::string>& skus);
// REQUIRES: ValidateNewItem(item).ok(). Throws StoreError (unique) for a duplicate SKU.
Item InsertItem(store::Connection& conn, const NewItem& item, Timestamp now);

}  // namespace ordo::catalog
