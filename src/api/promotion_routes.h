// Promotions (docs/architecture.md, Pricing):
//   GET   /api/v1/promotions             pricing.read   a page of promotions
//   POST  /api/v1/promotions             pricing.write  {"code", "name"?, "start_date",
//         "end_date", "sku"?, "product_line"?, "customer_group"? (at least one),
//         "discount_percent" | "amount_off", "stacking": "stacks" | "exclusive"} → 201
//   GET   /api/v1/promotions/{id|code}   pricing.read   with ETag
//   PATCH /api/v1/promotions/{id|code}   pricing.write  the same fields but code; If-Match
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddPromotionRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
