// Returns (RMAs) over HTTP.
//
//   POST /api/v1/returns {"order" | "invoice", "lines": [{"line_no", "quantity", "reason"}]}
//       (returns.write) → 201 the RMA (returns::ToJson), status "authorized"; portal users
//       only for their own orders (404 otherwise).
//   GET /api/v1/returns?customer=&status=&order=&limit=&cursor= (returns.read) → newest
//       first, without receipts; a portal user's list holds only its own RMAs.
//   GET /api/v1/returns/{id|number} (returns.read) → the RMA with ETag: "<version>".
//   POST /api/v1/returns/{id|number}/receive {"warehouse", "lines": [{"line_no", "quantity",
//       "disposition"}]} (returns.receive, If-Match optional) → 200 the RMA with
//       "credit_memo": the memo the receipt issued (invoicing::ToJson).
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddReturnRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
