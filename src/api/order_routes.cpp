#include "api/order_routes.h"

#include "api/order_read_routes.h"
#include "api/order_write_routes.h"

namespace ordo::api {

void AddOrderRoutes(http::Router& router, ApiContext& ctx) {
  AddOrderReadRoutes(router, ctx);
  AddOrderWriteRoutes(router, ctx);
}

}  // namespace ordo::api
