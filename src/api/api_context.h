// What the API's handlers share: the command executor for writes, the read pool, the clock
// and the metrics.
// Owned by the serve command; handlers hold a reference for the server's lifetime.
#pragma once

#include "core/clock.h"
#include "store/command_executor.h"
#include "store/connection_pool.h"
#include "telemetry/metrics.h"

namespace ordo::api {

struct ApiContext {
  store::CommandExecutor& executor;
  store::ConnectionPool& readers;
  const Clock& clock;
  telemetry::Metrics* metrics = nullptr;  // GET /metrics is served when set
};

}  // namespace ordo::api
