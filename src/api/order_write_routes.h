// Changing orders. Every route runs through RunWrite (one command, Idempotency-Key honoured)
// and answers with the whole order and `ETag: "<version>"`:
//
//   POST /api/v1/orders (orders.place) → 201 + Location. The body is the place-order request
//       of api.md; every invalid field is reported at once (400 invalid_argument). An order
//       over the credit limit, or for a customer on hold, is still placed (201) on a credit
//       hold. A portal user may place orders only for its own customer: naming any other
//       customer answers 404 not_found, as if it did not exist; its channel defaults to
//       "portal" (other users' to "api").
//   POST /api/v1/orders/{id|number}/cancel {"reason"} (orders.cancel) → 200. If-Match → 412
//       when stale; 409 invalid_state when nothing is left to cancel.
//   POST /api/v1/orders/{id|number}/holds/{kind}/release {"note" (optional)}
//       (orders.release_hold) → 200; the order is allocated when no hold is left. 403
//       forbidden for the user who entered the order; 409 invalid_state without such an
//       active hold; If-Match → 412 when stale.
// Orders of other customers answer 404 to portal users on every route.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddOrderWriteRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
