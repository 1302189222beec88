#include "api/metrics_routes.h"

#include "api/authenticate.h"

namespace ordo::api {

void AddMetricsRoutes(http::Router& router, ApiContext& ctx) {
  if (!ctx.metrics) return;
  router.Add("GET", "/metrics", [&ctx](http::Request& request, http::Responder respond) {
    if (!RequirePermission(ctx, request, respond, "metrics.read")) return;
    respond(http::Response::Text(200, ctx.metrics->RenderPrometheus(),
                                 "text/plain; version=0.0.4; charset=utf-8"));
  });
}

}  // namespace ordo::api
