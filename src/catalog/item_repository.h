// Reads and writes of items and their pack sizes. The catalog module owns these tables.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "catalog/item.h"
#include "store/database.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::catalog {

std::optional<Item> FindItemBySku(store::Connection& conn, std::string_view sku);
std::optional<Item> FindItemById(store::Connection& conn, ItemId id);

// For other item queries of the catalog: the columns they select first (table alias "i"),
// the Item those columns hold, read in that order, and its pack sizes, smallest first (ties by
// uom), as the lookups above give them.
inline constexpr std::string_view kItemColumns =
    "i.id, i.sku, i.name, i.uom, i.list_price, i.cost, i.tax_class, i.active, i.reorder_point, "
    "i.product_line, i.version, i.created_at, i.updated_at";
Item ReadItemColumns(store::RowReader& r);
void LoadPacks(store::Connection& conn, Item& item);
// The items with these SKUs (unknown SKUs are absent), in two statements whatever the count.
std::unordered_map<std::string, Item> FindItemsBySku(store::Connection& conn,
                                                     const std::vector<std::string>& skus);
// REQUIRES: ValidateNewItem(item).ok(). Throws StoreError (unique) for a duplicate SKU.
Item InsertItem(store::Connection& conn, const NewItem& item, Timestamp now);

}  // namespace ordo::catalog
