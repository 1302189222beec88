// Stock:
//   GET  /api/v1/items/{id|sku}/availability → {"sku", "warehouses": [{"warehouse", "on_hand",
//        "allocated", "available", "on_order"}], "total_available"}, every warehouse in
//        allocation order.                                      inventory.read or items.read
//   POST /api/v1/inventory/receipts {"warehouse", "lines": [{"sku", "quantity"}], "reference"}
//        → 201 {"warehouse", "reference", "lines": [{"sku", "quantity", "on_hand", "allocated",
//        "available"}]} (stock after the receipt); all lines or none.    inventory.write
//   POST /api/v1/inventory/adjustments {"warehouse", "sku", "quantity_delta", "reason"}
//        → 201 {"warehouse", "sku", "quantity_delta", "reason", "on_hand", "allocated",
//        "available"}; 422 insufficient_stock when on hand would fall below zero or below
//        what is allocated.                                               inventory.write
//   GET  /api/v1/inventory/movements?sku=&warehouse= cursor list of the stock movements, oldest
//        first (a cursor stays valid as new movements are appended); an unknown sku or
//        warehouse matches nothing.                                        inventory.read
//
// Availability is also open to holders of items.read, portal users included: it says what the
// distributor can sell of an item, which is catalog information and no customer's data.
// Quantities are whole base units, given as JSON integers or decimal strings ("12", "12.0").
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddInventoryRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
