// Shipments over HTTP. Every JSON answer carries the whole shipment (fulfillment::ToJson) and
// `ETag: "<version>"`:
//
//   POST /api/v1/shipments {"order": id or number, "warehouse": code} (shipments.write) → 201
//       + Location: a pick list of what is allocated to the order in that warehouse and not on
//       another open pick list. 404 not_found for an unknown order or warehouse; 409
//       invalid_state when the order is cancelled or on hold, ships complete only and is not
//       fully allocated, or has nothing left to pick there.
//   GET /api/v1/shipments?status=picking|shipped|cancelled&order=&warehouse=&customer=
//       (shipments.read) → newest first, with lines; a warehouse's queue of pick lists is
//       ?status=picking&warehouse=W1. Portal users see only their own customer's.
//   GET /api/v1/shipments/{id|number} (shipments.read) → 200.
//   GET /api/v1/shipments/{id|number}/packing-slip.pdf (shipments.read) → 200 application/pdf,
//       Content-Disposition: inline; filename="SH-000001.pdf" (flows/packing_slip.h says what
//       it shows); no ETag.
//   POST /api/v1/shipments/{id|number}/confirm {"carrier", "service", "tracking_number",
//       "packages": [{"weight"}], "lines": [{"line_no", "quantity"}] (optional: short lines)}
//       (shipments.write) → 200, status "shipped": stock leaves the warehouse. 409
//       invalid_state when already shipped; If-Match → 412 when stale.
//   POST /api/v1/shipments/{id|number}/cancel {"reason"} (shipments.write) → 200, status
//       "cancelled": a pick list still being picked is dropped; its goods stay allocated to
//       the order. 409 invalid_state when shipped or already cancelled.
// Writes run through RunWrite (one command, Idempotency-Key honoured); bodies report every bad
// field at once (400 invalid_argument). Portal users get 404 for other customers' shipments.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddShipmentRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
