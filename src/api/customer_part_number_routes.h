// A customer's own part numbers for our items (catalog/customer_part_number.h):
//
//   GET    /api/v1/customers/{ref}/part-numbers (part_numbers.read) → {"items": [{"part_number",
//          "sku", "uom"}], "next_cursor": null}, every one of the customer's, by part number
//   PUT    /api/v1/customers/{ref}/part-numbers/{part} {"sku", "uom"?} (part_numbers.write) →
//          200 the mapping: creates it or replaces what it maps to; uom defaults to the item's
//          base unit and must be one the item is sold in
//   DELETE /api/v1/customers/{ref}/part-numbers/{part} (part_numbers.write) → 204
//
// An order line may then give "customer_part_number" instead of "sku". Staff only: the portal
// has no part-number routes.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddCustomerPartNumberRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
