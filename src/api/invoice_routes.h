// Invoices, tax rates and the ledger over HTTP.
//
//   GET /api/v1/invoices?customer=&status=&order=&limit=&cursor= (invoices.read) → newest
//       first, headers without lines; a portal user's list holds only its own invoices.
//   GET /api/v1/invoices/{id|number} (invoices.read) → the whole invoice (invoicing::ToJson)
//       with ETag: "<version>"; 404 for another customer's invoice.
//   GET /api/v1/invoices/{id|number}.pdf (invoices.read) → the printed invoice
//       (flows/invoice_document.h), application/pdf.
//   GET /api/v1/tax-rates (tax_rates.read) → {"items": [{"region", "tax_class",
//       "rate_percent"}]}.
//   POST /api/v1/tax-rates {"region", "tax_class", "rate_percent"} (tax_rates.write) → 200:
//       creates or replaces the rate of a ship-to region and item tax class; orders placed,
//       quotes given and invoices created afterwards use it.
//   GET /api/v1/ledger/trial-balance?as_of=YYYY-MM-DD (ledger.read) → per account of the
//       chart {"account", "name", "type", "debit", "credit", "balance"}, with "total_debit",
//       "total_credit" and "balanced".
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddInvoiceRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
