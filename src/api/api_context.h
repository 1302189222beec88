// What the API's handlers share: the command executor for writes, the read pool, the clock,
// the metrics and the bounds on what an order may hold (from the serve settings).
// Owned by the serve command; handlers hold a reference for the server's lifetime.
#pragma once

#include "core/clock.h"
#include "flows/order_limits.h"
#include "store/command_executor.h"
#include "store/connection_pool.h"
#include "telemetry/metrics.h"

namespace ordo::api {

struct ApiContext {
  store::CommandExecutor& executor;
  store::ConnectionPool& readers;
  const Clock& clock;
  telemetry::Metrics* metrics = nullptr;  // GET /metrics is served when set
  flows::OrderLimits order_limits{};      // quantities per line and per order
};

}  // namespace ordo::api
