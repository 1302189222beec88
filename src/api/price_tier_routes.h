// Price tiers: a customer's tier gives its discount off list price (pricing::ResolvePrice).
//
//   GET  /api/v1/price-tiers (customers.read) → {"items": [{"code", "name",
//        "discount_percent": "12.50"}], "next_cursor": null}, every tier by code
//   POST /api/v1/price-tiers {"code", "name", "discount_percent"} (price_tiers.write) → 200
//        the tier as stored: creates it, or replaces the name and discount of the tier with
//        that code; orders priced afterwards use it (the reference version bumps)
//
// A discount is a percentage from 0 to 100 with at most two decimals (basis points stored).
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddPriceTierRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
