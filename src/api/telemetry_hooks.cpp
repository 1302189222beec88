#include "api/telemetry_hooks.h"

namespace ordo::api {
namespace {

bool IsPlacedOrder(const http::Request& request, const http::Response& response) {
  return response.status == 201 && request.method == "POST" && request.route == "/api/v1/orders" &&
         !response.Header("Idempotent-Replayed");
}

}  // namespace

void InstallTelemetry(http::ServerOptions& options, telemetry::Metrics& metrics,
                      telemetry::JsonLog& log) {
  options.on_complete = [&metrics, &log](const http::Request& request,
                                         const http::Response& response,
                                         std::chrono::nanoseconds took) {
    metrics.ObserveRequest(request.method, request.route, response.status, took);
    if (IsPlacedOrder(request, response)) metrics.AddOrdersPlaced();
    auto level = response.status >= 500 ? telemetry::LogLevel::kError : telemetry::LogLevel::kInfo;
    if (!log.Enabled(level)) return;
    log.Write(level, "request", [&](jsonio::JsonWriter& w) {
      w.Field("request_id", request.request_id)
          .Field("method", request.method)
          .Field("path", request.path)
          .Field("route", request.route)
          .Field("status", response.status)
          .Field("duration_us", std::chrono::duration_cast<std::chrono::microseconds>(took).count())
          .Field("remote", request.remote_address);
    });
  };
  options.on_error = [&log](const http::Request& request, std::string_view message) {
    log.Write(telemetry::LogLevel::kError, "handler failed", [&](jsonio::JsonWriter& w) {
      w.Field("request_id", request.request_id)
          .Field("method", request.method)
          .Field("path", request.path)
          .Field("error", message);
    });
  };
}

}  // namespace ordo::api
