// Payments and receivables over HTTP.
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
//   GET /api/v1/ar/aging?as_of=&customer= (receivables.read) → per customer {"customer",
//       "name", "current", "d1_30", "d31_60", "d61_90", "d90_plus", "total", "unapplied"}
//       and "totals".
//   GET /api/v1/ar/dso?days=90&as_of= (receivables.read) → {"as_of", "days", "receivables",
//       "credit_sales", "dso"}.
//   GET /api/v1/customers/{id|code}/statement?from=&to= (statements.read) → the customer's
//       receivables ledger over the period with opening, running and closing balances, and
//       its aging on `to`. Portal users only their own.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddPaymentRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
