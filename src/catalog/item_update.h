// Changing an item: a partial update of its sellable and planning fields.
//
// The SKU and the base unit of measure never change (stock, orders and pack conversions are
// counted in the base unit). Pack sizes given in a patch replace the item's whole list.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/item.h"
#include "core/command_context.h"
#include "store/database.h"

namespace ordo::catalog {

// The fields to change; an absent field keeps its value.
struct ItemPatch {
  std::optional<std::string> name;
  std::optional<Money> list_price;
  std::optional<Money> cost;
  std::optional<std::string> tax_class;
  std::optional<bool> active;
  std::optional<int64_t> reorder_point;
  std::optional<std::vector<PackSize>> pack_sizes;
  std::optional<std::optional<std::string>> product_line;  // inner nullopt: no product line
};

// Applies `patch` to item `id`. When the patch changes something, the version goes up by one
// and an audit row (before and after) and an "item.updated" event are written; a patch that
// changes nothing writes nothing and returns the item as it is.
// Errors: not_found; precondition_failed (expected_version given and not the item's version);
// invalid_argument (every field whose new value is invalid, with the paths of ValidateNewItem;
// an unknown product line is unknown_product_line).
Result<Item> UpdateItem(store::Connection& conn, const CommandContext& ctx, ItemId id,
                        const ItemPatch& patch, std::optional<int64_t> expected_version);

}  // namespace ordo::catalog
