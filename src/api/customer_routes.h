// Customers: GET/POST /api/v1/customers, GET/PATCH /api/v1/customers/{id|code},
// GET /api/v1/customers/{id|code}/credit.
//
// Reading needs customers.read, creating and changing customers.write. A portal user (role
// customer) reads only its own customer: the list holds just that one, and any other customer
// answers 404 not_found as if it did not exist. Documents carry `version` (also as ETag); a
// PATCH may send If-Match and gets 412 precondition_failed when the customer has moved on.
//
// List filters: on_hold=true|false, q= (a substring of code or name, case-insensitive),
// salesperson= (exact).
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddCustomerRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
