// Metrics and their Prometheus text.
#include "telemetry/metrics.h"

#include <gtest/gtest.h>

#include <chrono>

namespace ordo::telemetry {
namespace {

using namespace std::chrono_literals;

TEST(MetricsTest, CountsAndTimesRequestsPerRoute) {
  Metrics m;
  m.ObserveRequest("POST", "/api/v1/orders", 201, 3ms);
  m.ObserveRequest("POST", "/api/v1/orders", 201, 30ms);
  m.ObserveRequest("POST", "/api/v1/orders", 400, 1ms);
  m.AddOrdersPlaced(2);
  m.ObserveCommitBatch(64, 4ms);
  std::string text = m.RenderPrometheus();
  EXPECT_NE(text.find("ordo_http_requests_total{method=\"POST\",route=\"/api/v1/orders\","
                      "status=\"201\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ordo_http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/"
                      "v1/orders\",le=\"0.005\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ordo_http_request_duration_seconds_count{method=\"POST\",route=\"/api/"
                      "v1/orders\"} 3\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ordo_orders_placed_total 2\n"), std::string::npos);
  EXPECT_NE(text.find("ordo_commit_batch_size_bucket{le=\"64\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("ordo_commit_batch_size_bucket{le=\"32\"} 0\n"), std::string::npos);
}

TEST(MetricsTest, LabelsStayFewWhateverClientsSend) {
  Metrics m;
  m.ObserveRequest("FOO1", "", 400, 1ms);
  m.ObserveRequest("FOO2", "", 400, 1ms);
  m.ObserveRequest("GET", "", 404, 1ms);
  std::string text = m.RenderPrometheus();
  EXPECT_NE(text.find("{method=\"OTHER\",route=\"unmatched\",status=\"400\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("FOO"), std::string::npos);
  EXPECT_NE(text.find("{method=\"GET\",route=\"unmatched\",status=\"404\"} 1\n"),
            std::string::npos);
}

}  // namespace
}  // namespace ordo::telemetry
