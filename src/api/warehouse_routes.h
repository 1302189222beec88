// Warehouses: GET/POST /api/v1/warehouses, GET/PATCH /api/v1/warehouses/{id|code}.
// Reading needs inventory.read; creating and changing need warehouses.write. A change takes any
// of name, address (any of its fields) and allocation_rank; the code never changes. Warehouses
// carry no version: the last change wins.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddWarehouseRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
