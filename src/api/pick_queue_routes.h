// GET /api/v1/warehouses/{ref}/pick-queue: the orders waiting to be picked in a warehouse,
// oldest first (views/pick_queue_view.h). Needs shipments.read; staff only.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddPickQueueRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
