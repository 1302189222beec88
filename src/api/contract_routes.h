// Customer contracts (docs/architecture.md, Pricing):
//   GET   /api/v1/contracts?customer=   pricing.read   a page of contracts with their terms
//   POST  /api/v1/contracts             pricing.write  {"code", "customer", "start_date",
//         "end_date", "note"?, "terms": [{"sku" | "product_line", "unit_price" |
//         "discount_percent"}]} → 201
//   GET   /api/v1/contracts/{id|code}   pricing.read   with ETag
//   PATCH /api/v1/contracts/{id|code}   pricing.write  the same fields but code; "terms"
//         replaces them all; If-Match
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddContractRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
