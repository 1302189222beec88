// The customer resource's request bodies, as the HTTP API takes them.
//
// POST /api/v1/customers — a NewCustomer:
//   {"code", "name", "bill_to": {"line1", "city", "region", "postal_code", "country"},
//    "ship_to": [{"code", "name", "line1", "city", "region", "postal_code", "country",
//                 "preferred_warehouse"}],
//    "payment_terms", "credit_limit", "price_tier", "tax_exempt", "salesperson", "on_hold"}
// (the shape of the customer's JSON, with the preferred warehouse given by code).
// PATCH /api/v1/customers/{ref} — a CustomerPatch: any of those fields but "code"; bill_to and
// each ship_to may give only the fields that change. null clears "price_tier" and a ship-to's
// "preferred_warehouse"; any other null is invalid.
//
// Money is exact (a JSON number or a decimal string, never a double). Every bad field is
// reported at once, with field paths such as "ship_to/1/code".
#pragma once

#include <string_view>

#include "core/status.h"
#include "customers/customer.h"
#include "customers/customer_update.h"

namespace ordo::requests {

// Errors: invalid_argument (malformed JSON, wrong types, unknown fields, and the checks of
// ValidateNewCustomer; the price tier and warehouses are checked by CreateCustomer).
Result<customers::NewCustomer> ParseNewCustomerJson(std::string_view body);

// Errors: invalid_argument (malformed JSON, wrong types, unknown fields, nulls where a value is
// needed; the values themselves are checked by UpdateCustomer).
Result<customers::CustomerPatch> ParseCustomerPatchJson(std::string_view body);

}  // namespace ordo::requests
