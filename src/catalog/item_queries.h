// Read queries of the catalog for the API: the item a path names, and pages of the item list.
// (Lookups by SKU or id are in item_repository.h.)
//
// Each function runs on the connection it is given (a pooled read connection, or the writer
// inside a command); none writes. Returned items carry their pack sizes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog/item.h"
#include "store/database.h"

namespace ordo::catalog {

// The item a path segment names: the item with that exact SKU, else (for an all-digit
// segment) the item with that id. An exact SKU wins, so an all-digit SKU can never be shadowed
// by another item's id.
std::optional<Item> FindItemByIdOrSku(store::Connection& conn, std::optional<int64_t> id,
                                      std::string_view sku);

struct ItemFilter {
  std::optional<bool> active;  // only active (true) or inactive (false) items
  // Substring of the SKU or the name; ASCII letters match regardless of case. Empty: any.
  std::string text;
  // The item whose base unit or a pack size has this GTIN, alone (with `text` empty).
  std::optional<std::string> gtin;
};

// Up to `limit` items matching `filter` with id > `after_id`, by id (a page of the API list).
std::vector<Item> ListItems(store::Connection& conn, const ItemFilter& filter, int64_t after_id,
                            int limit);

// How many items the catalog holds, active or not.
int64_t CountItems(store::Connection& conn);

// The SKU of each item in `items` that exists, by id: one query for a whole page or document
// (read models name the items other modules refer to by id). Repeated ids are read once.
std::unordered_map<ItemId, std::string> SkusOf(store::Connection& conn,
                                               const std::vector<ItemId>& items);

// The SKU and name of each item in `items` that exists, by id, in one query: how reports (the
// dashboard's top items, views/sales_report_view.h) head their rows. Repeated ids are read once.
struct ItemLabel {
  std::string sku;
  std::string name;
};
std::unordered_map<ItemId, ItemLabel> ItemLabels(store::Connection& conn,
                                                 const std::vector<ItemId>& items);

}  // namespace ordo::catalog
