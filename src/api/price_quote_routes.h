// Price quotes for a draft order (the order desk):
//   POST /api/v1/price-quotes  {"customer", "lines": [{"sku", "quantity", "uom"?}]}
//        → 200 {"customer", "price_tier", "currency", "subtotal", "lines": [{"sku", "name",
//        "quantity", "uom", "base_uom", "base_quantity", "pack_sizes", "unit_price",
//        "price_source", "extended_amount", "availability", "errors"}]}      orders.place
//
// Read-only (nothing is written, no Idempotency-Key). A line's problems (unknown SKU, bad
// quantity or unit) are in that line's "errors", with the field paths POST /api/v1/orders would
// use, so that the caller can mark them in place; only a bad customer or line list is a 422.
// Staff only for now: a customer-bound user is refused (403) like any non-portal route.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddPriceQuoteRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
