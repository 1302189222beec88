// Orders over HTTP: every /api/v1/orders route. Reads are in order_read_routes.h, changes in
// order_write_routes.h; each header documents its endpoints, permissions and errors.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddOrderRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
