// The receivables reports over HTTP: aging, days sales outstanding and a customer's
// statement. Read models (views/aging_view.h) name the aging's customers.
//
//   GET /api/v1/ar/aging?as_of=&customer= (receivables.read) → per customer {"customer",
//       "name", "current", "d1_30", "d31_60", "d61_90", "d90_plus", "total", "unapplied",
//       "open_credits"} by code, and "totals". A user bound to a customer ages only that one.
//   GET /api/v1/ar/dso?days=90&as_of= (receivables.read) → {"as_of", "days", "receivables",
//       "credit_sales", "dso"}; not for users bound to a customer.
//   GET /api/v1/customers/{id|code}/statement?from=&to= (statements.read) → the customer's
//       receivables ledger over the period with opening, running and closing balances, and
//       its aging on `to`. Portal users only their own.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddReceivablesReportRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
