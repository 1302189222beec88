#include "telemetry/metrics.h"

#include <charconv>
#include <sstream>

namespace ordo::telemetry {
namespace {

// A label value with \, " and newlines escaped, as the exposition format requires.
std::string Escape(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The shortest text that reads back as `v` ("0.005", not "0.0050000000000000001").
std::string Number(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::string("NaN");
}

void WriteHistogram(std::ostringstream& out, const std::string& name, const std::string& labels,
                    const Histogram::Snapshot& s) {
  std::string sep = labels.empty() ? "" : ",";
  for (size_t i = 0; i < s.upper_bounds.size(); ++i) {
    out << name << "_bucket{" << labels << sep << "le=\"" << Number(s.upper_bounds[i]) << "\"} "
        << s.cumulative[i] << "\n";
  }
  out << name << "_bucket{" << labels << sep << "le=\"+Inf\"} " << s.count << "\n";
  std::string braces = labels.empty() ? "" : "{" + labels + "}";
  out << name << "_sum" << braces << " " << Number(s.sum) << "\n";
  out << name << "_count" << braces << " " << s.count << "\n";
}

// Methods outside the standard set are counted as "OTHER": anyone may send any token as a
// method, and each distinct label value would be a new series kept forever.
std::string_view MethodLabel(std::string_view method) {
  static constexpr std::string_view kKnown[] = {"GET",    "HEAD",    "POST",  "PUT",    "PATCH",
                                                "DELETE", "OPTIONS", "TRACE", "CONNECT"};
  for (std::string_view known : kKnown) {
    if (method == known) return known;
  }
  return "OTHER";
}

}  // namespace

Metrics::Metrics() : batch_size_(BatchSizeBuckets()), commit_duration_(LatencyBuckets()) {}

void Metrics::ObserveRequest(std::string_view method, std::string_view route, int status,
                             std::chrono::nanoseconds took) {
  RouteSeries* series = nullptr;
  {
    std::lock_guard lock(mu_);
    std::string_view label = route.empty() ? std::string_view("unmatched") : route;
    std::string_view verb = MethodLabel(method);
    auto it = routes_.find(std::pair(std::string(verb), std::string(label)));
    if (it == routes_.end()) {
      it = routes_
               .emplace(RouteKey(std::string(verb), std::string(label)),
                        std::make_unique<RouteSeries>())
               .first;
    }
    series = it->second.get();
    series->by_status[status]++;
  }
  series->latency.Observe(std::chrono::duration<double>(took).count());
}

void Metrics::ObserveCommitBatch(size_t commands, std::chrono::nanoseconds took) {
  batch_size_.Observe(static_cast<double>(commands));
  commit_duration_.Observe(std::chrono::duration<double>(took).count());
}

std::string Metrics::RenderPrometheus() const {
  std::ostringstream out;
  std::lock_guard lock(mu_);
  out << "# HELP ordo_http_requests_total HTTP requests answered, by route and status.\n"
      << "# TYPE ordo_http_requests_total counter\n";
  for (const auto& [key, series] : routes_) {
    for (const auto& [status, count] : series->by_status) {
      out << "ordo_http_requests_total{method=\"" << Escape(key.first) << "\",route=\""
          << Escape(key.second) << "\",status=\"" << status << "\"} " << count << "\n";
    }
  }
  out << "# HELP ordo_http_request_duration_seconds Time from a request's first byte to its "
         "response.\n"
      << "# TYPE ordo_http_request_duration_seconds histogram\n";
  for (const auto& [key, series] : routes_) {
    WriteHistogram(out, "ordo_http_request_duration_seconds",
                   "method=\"" + Escape(key.first) + "\",route=\"" + Escape(key.second) + "\"",
                   series->latency.Take());
  }
  out << "# HELP ordo_orders_placed_total Sales orders placed.\n"
      << "# TYPE ordo_orders_placed_total counter\n"
      << "ordo_orders_placed_total " << orders_placed_.load() << "\n";
  out << "# HELP ordo_commit_batch_size Commands per durable commit (group commit).\n"
      << "# TYPE ordo_commit_batch_size histogram\n";
  WriteHistogram(out, "ordo_commit_batch_size", "", batch_size_.Take());
  out << "# HELP ordo_commit_duration_seconds Time to run and commit one batch of commands.\n"
      << "# TYPE ordo_commit_duration_seconds histogram\n";
  WriteHistogram(out, "ordo_commit_duration_seconds", "", commit_duration_.Take());
  return out.str();
}

}  // namespace ordo::telemetry
