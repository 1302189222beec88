// Price lists (docs/architecture.md, Pricing):
//   GET   /api/v1/price-lists           pricing.read   a page of lists (no prices or breaks)
//   POST  /api/v1/price-lists           pricing.write  {"code", "name", "currency"?,
//         "valid_from", "valid_to"?, "prices"?: [{"sku", "unit_price"}], "breaks"?: [{"sku" |
//         "product_line", "min_quantity", "unit_price" | "discount_percent"}]} → 201
//   GET   /api/v1/price-lists/{id|code}  pricing.read  the list with prices and breaks, ETag
//   PATCH /api/v1/price-lists/{id|code}  pricing.write the same fields but code; "prices" and
//         "breaks" replace the whole set; If-Match
//   GET   /api/v1/customers/{id|code}/pricing   pricing.read  {"customer", "price_list",
//         "pricing_group"}
//   PUT   /api/v1/customers/{id|code}/pricing   pricing.write {"price_list", "pricing_group"}
//         (null clears)
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddPriceListRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
