// Histogram: counts of observations in fixed buckets, for Prometheus latency and size series.
//
// Lock-free: Observe() may be called from any thread. A snapshot taken while others observe
// may be a few observations behind in some buckets, as Prometheus scrapes always are.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace ordo::telemetry {

class Histogram {
 public:
  // `upper_bounds` ascending; an implicit +Inf bucket follows the last.
  explicit Histogram(std::vector<double> upper_bounds);

  void Observe(double value);

  struct Snapshot {
    std::vector<double> upper_bounds;
    std::vector<uint64_t> cumulative;  // per bound, then +Inf (= count)
    double sum = 0;
    uint64_t count = 0;
  };
  Snapshot Take() const;

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<uint64_t>[]> counts_;  // bounds_.size() + 1
  std::atomic<uint64_t> count_{0};
  std::atomic<double> sum_{0};
};

// Request latencies from 0.5 ms to 10 s, in seconds.
std::vector<double> LatencyBuckets();
// Powers of two from 1 to 1024 (commands per commit).
std::vector<double> BatchSizeBuckets();

}  // namespace ordo::telemetry
