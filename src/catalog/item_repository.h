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
    "i.product_line, i.min_order_quantity, i.order_multiple, i.gtin, i.version, i.created_at, "
    "i.updated_at";
Item ReadItemColumns(store::RowReader& r);
void LoadPacks(store::Connection& conn, Item& item);
// The items with these SKUs (unknown SKUs are absent), in two statements whatever the count.
std::unordered_map<std::string, Item> FindItemsBySku(store::Connection& conn,
                                                     const std::vector<std::string>& skus);
// The item whose base unit or one of whose pack sizes has `gtin`.
std::optional<ItemId> FindItemIdByGtin(store::Connection& conn, std::string_view gtin);
// The GTINs of `item` that another item than `self` has, as "duplicate" errors at "gtin" and
// "pack_sizes/<i>/gtin"; one indexed read per GTIN given.
std::vector<FieldError> CheckGtinsFree(store::Connection& conn, const NewItem& item,
                                       std::optional<ItemId> self);
// Adds `packs` to `item`'s pack sizes.
void InsertPacks(store::Connection& conn, ItemId item, const std::vector<PackSize>& packs);
// REQUIRES: ValidateNewItem(item).ok(). Throws StoreError (unique) for a duplicate SKU.
Item InsertItem(store::Connection& conn, const NewItem& item, Timestamp now);

}  // namespace ordo::catalog
