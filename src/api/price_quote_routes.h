// Pricing a basket for a customer on a date (the order desk prices its draft with it):
//   POST /api/v1/pricing/quote  {"customer", "ship_to"?, "date"?, "lines": [{"sku" |
//        "customer_part_number", "quantity", "uom"?}]}
//        → 200 {"customer", "date", "price_tier", "price_list", "customer_group", "currency",
//        "subtotal", "tax", "tax_exemption", "total", "lines": [{"sku", "name", "quantity", "uom",
//        "base_uom", "base_quantity", "pack_sizes", "unit_price", "price_source",
//        "price_explanation", "extended_amount", "tax_rate_percent", "tax_amount",
//        "availability", "errors"}]}                                          orders.place
//
// Read-only (nothing is written, no Idempotency-Key); "date" defaults to today and is the day
// both priced and taxed on; "ship_to" (default: the customer's first) names the tax region.
// Lines are priced by the same code as order placement (flows/basket_pricing.h) and taxed as
// placement taxes them. A line's problems (unknown SKU or part number, bad quantity or unit) are
// in that line's "errors", with the field paths POST /api/v1/orders would use, so that the caller
// can mark them in place; only a bad customer, ship-to or line list is a 422.
// Staff only for now: a customer-bound user is refused (403) like any non-portal route.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddPriceQuoteRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
