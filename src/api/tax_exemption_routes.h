// A customer's sales tax exemption certificates over HTTP (invoicing/tax_exemptions.h). Staff
// only: portal users see the effect on their orders' tax, not the certificates.
//
//   GET /api/v1/customers/{id|code}/tax-exemptions (tax_exemptions.read) → {"items": [{"id",
//       "region", "certificate_number", "expires_on", "valid", "created_by", "created_at"}]},
//       by region then expiry date; "valid" says whether it exempts a document dated today.
//   POST /api/v1/customers/{id|code}/tax-exemptions {"region", "certificate_number",
//       "expires_on"} (tax_exemptions.write) → 201 with the certificate and its Location;
//       409 conflict for a certificate number the customer already has for that region.
//   DELETE /api/v1/customers/{id|code}/tax-exemptions/{id} (tax_exemptions.write) → 204.
// Orders placed and invoices created afterwards are taxed with it (invoicing/sales_tax.h).
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddTaxExemptionRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
