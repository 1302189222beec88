// What the API's handlers share: the command executor for writes, the read pool, the clock,
// the metrics, the bounds on what an order may hold (from the serve settings), the log, and the
// customer portal's operations (filled while routes register).
// Owned by the serve command; handlers hold a reference for the server's lifetime.
#pragma once

#include <chrono>
#include <cstddef>

#include "api/portal_operations.h"
#include "core/clock.h"
#include "flows/order_limits.h"
#include "store/command_executor.h"
#include "store/connection_pool.h"
#include "telemetry/json_log.h"
#include "telemetry/metrics.h"

namespace ordo::api {

// GET /api/v1/events/stream (event_stream.h): how often new events are looked for, how often
// an idle stream gets a heartbeat comment, how long a stream lives before the server ends it
// (the client reconnects with Last-Event-ID and its token is checked again), and how many
// streams may be open at once.
struct EventStreamSettings {
  std::chrono::milliseconds poll_interval{200};
  std::chrono::milliseconds heartbeat{15'000};
  std::chrono::milliseconds lifetime{10 * 60'000};
  size_t max_streams = 512;
};

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
  EventStreamSettings event_streams{};
};

}  // namespace ordo::api
