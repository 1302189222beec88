// Product lines: groups of items with the least margin their prices may leave
// (catalog/product_line.h, catalog/floor_price.h).
//
//   GET   /api/v1/product-lines (product_lines.read) → {"items": [{"code", "name",
//         "min_margin_percent": "25.00", "active", "version"}], "next_cursor": null}, by code
//   POST  /api/v1/product-lines {"code", "name", "min_margin_percent", "active"?}
//         (product_lines.write) → 201 the line, ETag its version; 409 conflict when the code is
//         taken
//   GET   /api/v1/product-lines/{code} (product_lines.read) → the line, ETag its version
//   PATCH /api/v1/product-lines/{code} {"name"?, "min_margin_percent"?, "active"?}
//         (product_lines.write), If-Match: version → 200 the line
//
// A minimum margin is a percentage of the price from 0 to 99.99 with at most two decimals
// (basis points stored). Portal users see no product lines (the margins are the distributor's).
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddProductLineRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
