#include "api/api_routes.h"

#include "api/auth_routes.h"
#include "api/health_routes.h"
#include "api/warehouse_routes.h"

namespace ordo::api {

void AddApiRoutes(http::Router& router, ApiContext& ctx) {
  AddHealthRoutes(router, ctx);
  AddAuthRoutes(router, ctx);
  AddWarehouseRoutes(router, ctx);
}

}  // namespace ordo::api
