// GET /api/v1/me: who the caller is and what it may do, for a client (the web application)
// to build its menu from. The server still checks every request on its own; this only says in
// advance what it will allow.
//
// {"id", "username", "roles", "customer": code or null, "customer_id", "permissions": [...]}
// where permissions are the actions of auth/permissions.h the caller's roles allow. A
// customer-bound principal acts with the customer role alone (authenticate.h), so that is
// what it is shown: its staff roles give it nothing. Any authenticated user; a portal
// operation.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddMeRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
