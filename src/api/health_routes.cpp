#include "api/health_routes.h"

#include <nlohmann/json.hpp>

#include "store/migrations.h"

namespace ordo::api {

void AddHealthRoutes(http::Router& router, ApiContext& ctx) {
  router.Add("GET", "/healthz", http::SyncHandler([](http::Request&) {
               return http::Response::Json(200, {{"status", "ok"}});
             }));
  router.Add("GET", "/readyz", http::SyncHandler([&ctx](http::Request&) {
               try {
                 auto conn = ctx.readers.Borrow();
                 auto state = store::ReadSchemaState(*conn);
                 if (!state.ok() || state->needs_migration()) {
                   return http::Response::Problem(503, "unavailable", "Not ready",
                                                  "the database schema is not current");
                 }
                 return http::Response::Json(
                     200, {{"status", "ready"}, {"schema_version", state->current}});
               } catch (const std::exception& e) {
                 return http::Response::Problem(503, "unavailable", "Not ready", e.what());
               }
             }));
}

}  // namespace ordo::api
