#include "api/health_routes.h"

#include <exception>
#include <nlohmann/json.hpp>

#include "api/failure_log.h"
#include "store/migrations.h"

namespace ordo::api {
namespace {

// Ready or not, and nothing more: the answer needs no credentials, so why it is not ready
// (an exception's text, the schema's versions) goes to the log with the request id.
http::Response NotReady(const ApiContext& ctx, const http::Request& request,
                        std::string_view cause) {
  LogFailure(ctx, request, "unavailable", cause);
  return http::Response::Problem(503, "unavailable", "Not ready", "the server is not ready");
}

http::Response Readiness(const ApiContext& ctx, const http::Request& request) {
  try {
    auto conn = ctx.readers.Borrow();
    auto state = store::ReadSchemaState(*conn);
    if (!state.ok()) return NotReady(ctx, request, state.status().ToString());
    if (state->needs_migration()) {
      return NotReady(ctx, request,
                      "the database schema is at version " + std::to_string(state->current) +
                          ", this Ordo needs " + std::to_string(state->latest));
    }
    return http::Response::Json(200, {{"status", "ready"}});
  } catch (const std::exception& e) {
    return NotReady(ctx, request, e.what());
  }
}

}  // namespace

void AddHealthRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/healthz", http::SyncHandler([](http::Request&) {
               return http::Response::Json(200, {{"status", "ok"}});
             }));
  router.Add("GET", "/readyz",
             http::SyncHandler([&ctx](http::Request& request) { return Readiness(ctx, request); }));
}

}  // namespace ordo::api
