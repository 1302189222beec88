// What the API's handlers share: the command executor for writes, the read pool, the clock,
// the metrics, the bounds on what an order may hold (from the serve settings), the log, and the
// customer portal's operations (filled while routes register).
// Owned by the serve command; handlers hold a reference for the server's lifetime.
#pragma once

#include "api/portal_operations.h"
#include "core/clock.h"
#include "flows/order_limits.h"
#include "store/command_executor.h"
#include "store/connection_pool.h"
#include "telemetry/json_log.h"
#include "telemetry/metrics.h"

namespace ordo::api {

struct ApiContext {
  store::CommandExecutor& executor;
  store::ConnectionPool& readers;
  const Clock& clock;
  telemetry::Metrics* metrics = nullptr;  // GET /metrics is served when set
  flows::OrderLimits order_limits{};      // quantities per line and per order
  // Where failures the client sees only as a generic problem are written in full, with the
  // request id (status_response.h); none when null.
  telemetry::JsonLog* log = nullptr;
  PortalOperations portal;  // declared by AddPortalRoute, checked by authenticate.h
};

}  // namespace ordo::api
