// Warehouses: GET/POST /api/v1/warehouses, GET /api/v1/warehouses/{id|code}.
// Reading needs inventory.read; creating needs warehouses.write.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddWarehouseRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
