// Quotes (issue 14):
//   POST /api/v1/quotes                       {customer, ship_to?, lines, expires_on?, notes?}
//                                             → 201 Quote, Location, ETag     quotes.write
//   GET  /api/v1/quotes?customer&status&limit&cursor → {items, next_cursor}   quotes.read
//   GET  /api/v1/quotes/{ref}                 → Quote (current version), ETag  quotes.read
//   GET  /api/v1/quotes/{ref}/versions/{n}    → Quote showing version n       quotes.read
//   GET  /api/v1/quotes/{ref}.pdf             → the printed quote             quotes.read
//   PUT  /api/v1/quotes/{ref}                 If-Match; a new version         quotes.write
//   POST /api/v1/quotes/{ref}/accept          {po_number?, requested_date?}
//                                             → 201 Quote (with its order), Location of the
//                                             order; 409 quote_expired, invalid_state
//                                                                             quotes.write
//   POST /api/v1/quotes/{ref}/cancel          {reason}, If-Match optional     quotes.write
//
// {ref} is the quote's number (Q-000001). The ETag is the current version number. A portal user
// reads its own customer's quotes only (others answer 404) and without unit costs.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddQuoteRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
