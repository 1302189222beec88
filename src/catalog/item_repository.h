// Reads and writes of items and their pack sizes. The catalog module owns these tables.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "catalog/item.h"
#include "store/database.h"

namespace ordo::catalog {

std::optional<Item> FindItemBySku(store::Connection& conn, std::string_view sku);
// The items with these SKUs (unknown SKUs are absent), in two statements whatever the count.
std::unordered_map<std::string, Item> FindItemsBySku(store::Connection& conn,
                                                     const std::vector<std::string>& skus);
std::optional<Item> FindItemById(store::Connection& conn, ItemId id);
// Items with id > after, in id order, at most `limit`.
std::vector<Item> ListItems(store::Connection& conn, ItemId after, int limit);
// REQUIRES: ValidateNewItem(item).ok(). Throws StoreError (unique) for a duplicate SKU.
Item InsertItem(store::Connection& conn, const NewItem& item, Timestamp now);

}  // namespace ordo::catalog
