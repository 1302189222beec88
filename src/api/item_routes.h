// Catalog items:
//   GET   /api/v1/items?active=true|false&q=<text>  cursor list by id; q matches a substring of
//         the SKU or name (ASCII case ignored)                               items.read
//   POST  /api/v1/items                              create → 201, Location, ETag  items.write
//   GET   /api/v1/items/{id|sku}                     → 200, ETag                    items.read
//   PATCH /api/v1/items/{id|sku}                     partial update of name, list_price, cost,
//         tax_class, active, reorder_point, pack_sizes (replaces the list), product_line (a
//         product line's code, null for none: 400 unknown_product_line when no line has it);
//         If-Match: <version>
//         → 412 precondition_failed when stale; sku, uom, id and version are read_only items.write
//
// An all-digit path segment is an item id, or a SKU when no item has that id. Portal users
// (customer role) read items like everyone else but never see "cost": it is the distributor's
// own figure, not something its customers may learn. "cost" is the item's standard cost per
// base unit, whichever vendor supplies it.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddItemRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
