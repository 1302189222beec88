// GET /metrics: the Prometheus text exposition of ctx.metrics (see telemetry/metrics.h).
// Like everything but /healthz, /readyz and the token endpoint it needs a bearer credential
// (permission metrics.read: admins and integration keys, e.g. a scraper's API key).
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

// Registers nothing when ctx.metrics is null.
void AddMetricsRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
