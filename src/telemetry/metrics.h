// Metrics: what `GET /metrics` reports, in the Prometheus text exposition format (0.0.4).
//
//   ordo_http_requests_total{method, route, status}        counter
//   ordo_http_request_duration_seconds{method, route}       histogram
//   ordo_orders_placed_total                                counter
//   ordo_commit_batch_size                                  histogram (commands per commit)
//   ordo_commit_duration_seconds                            histogram
//
// `route` is the matched route pattern ("/api/v1/orders/{id}"), or "unmatched", so label
// values stay few whatever paths clients send. Thread-safe.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "telemetry/histogram.h"

namespace ordo::telemetry {

class Metrics {
 public:
  Metrics();

  void ObserveRequest(std::string_view method, std::string_view route, int status,
                      std::chrono::nanoseconds took);
  void ObserveCommitBatch(size_t commands, std::chrono::nanoseconds took);
  void AddOrdersPlaced(int64_t count = 1) {
    orders_placed_.fetch_add(count, std::memory_order_relaxed);
  }

  std::string RenderPrometheus() const;

 private:
  struct RouteSeries {
    explicit RouteSeries() : latency(LatencyBuckets()) {}
    Histogram latency;
    std::map<int, uint64_t> by_status;  // guarded by mu_
  };
  using RouteKey = std::pair<std::string, std::string>;  // (method, route)

  mutable std::mutex mu_;
  std::map<RouteKey, std::unique_ptr<RouteSeries>, std::less<>> routes_;
  std::atomic<int64_t> orders_placed_{0};
  Histogram batch_size_;
  Histogram commit_duration_;
};

}  // namespace ordo::telemetry
