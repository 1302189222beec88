// Payments over HTTP (the receivables reports are receivables_report_routes.h).
//
//   POST /api/v1/payments {"customer", "amount", "method", "reference", "received_date",
//       "applications": [{"invoice", "amount", "discount"}]} (payments.write) → 201 + Location:
//       the payment {"id", "number", "amount", "applied", "unapplied", ...}; 400 with every
//       application that does not fit (beyond the invoice's balance, beyond the payment,
//       a discount outside the terms' window), 404 for an unknown customer.
//   POST /api/v1/payments/{id|number}/apply {"applications": [...]} (payments.write) → 200:
//       applies unapplied cash later; If-Match → 412 when stale.
//   GET /api/v1/payments?customer= and /api/v1/payments/{id|number} (payments.read); portal
//       users see only their own.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddPaymentRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
