// Wires the HTTP server's observation hooks to metrics and the structured log: every answered
// request is counted and timed per route and logged as one JSON line with its request id
// (the id that also lands in the audit rows of whatever the request changed); handler
// failures are logged at error level.
//
// Orders placed are counted here too, as the 201 answers of POST /api/v1/orders that were
// not idempotent replays: the server is the one place that sees every order placed over HTTP.
#pragma once

#include "http/server_options.h"
#include "telemetry/json_log.h"
#include "telemetry/metrics.h"

namespace ordo::api {

// `metrics` and `log` must outlive the server.
void InstallTelemetry(http::ServerOptions& options, telemetry::Metrics& metrics,
                      telemetry::JsonLog& log);

}  // namespace ordo::api
