// ServerOptions: listening address, thread counts, limits, timeouts and observation hooks.
//
// Hooks are called concurrently from the server's io and worker threads; they must be
// thread-safe, quick and non-blocking. Exceptions thrown by hooks are swallowed.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace ordo::http {

struct ServerOptions {
  std::string host = "127.0.0.1";  // an IP address or a resolvable name
  uint16_t port = 0;               // 0 = an ephemeral port; see Server::port()

  size_t io_threads = 2;      // socket I/O only; handlers never run here
  size_t worker_threads = 4;  // run handlers
  // Requests accepted beyond the busy workers; when exceeded the server answers 503
  // ("unavailable", Retry-After) at once.
  size_t max_queued_requests = 64;

  // Open connections. A connection accepted beyond `max_connections` (code "server_busy") or
  // beyond `max_connections_per_address` from one client address (code "too_many_connections")
  // is answered 503 with Retry-After and closed without its request being read or handled; it
  // holds no worker. At most `max_refusing_connections` such answers are in flight at once,
  // further excess connections are closed unanswered. Keep max_connections +
  // max_refusing_connections below the process's open-file limit, or accept() itself fails.
  size_t max_connections = 1024;
  size_t max_connections_per_address = 256;
  size_t max_refusing_connections = 64;

  size_t max_header_bytes = 8 * 1024;   // request line + headers; over -> 431
  size_t max_body_bytes = 1024 * 1024;  // over -> 413 ("payload_too_large")
  // Routes that take larger bodies than max_body_bytes (a CSV file upload): a request whose
  // target starts with `prefix` may send up to `max_bytes` (the first matching entry counts).
  struct LargeBodyRoute {
    std::string prefix;
    size_t max_bytes = 0;
  };
  std::vector<LargeBodyRoute> large_body_routes;

  // A new connection must deliver a complete request line and headers within header_timeout
  // of being accepted; a kept-alive one within header_timeout of the next request's first byte
  // (slow clients cannot hold a connection by trickling a header). Closed unanswered otherwise.
  std::chrono::milliseconds header_timeout{5'000};
  std::chrono::milliseconds read_timeout{30'000};   // a request's headers+body must arrive in this
  std::chrono::milliseconds write_timeout{30'000};  // a response must be written in this
  std::chrono::milliseconds idle_timeout{30'000};   // keep-alive wait for the next request
  std::chrono::milliseconds drain_timeout{10'000};  // Stop() waits this long for in-flight work

  // After each response is written (or failed to be), with the time from the request's first
  // byte. Also called for responses the server makes itself (400, 413, 503, ...).
  std::function<void(const Request&, const Response&, std::chrono::nanoseconds)> on_complete;
  // When a handler throws, drops its Responder unanswered or answers with an invalid status;
  // the client gets a 500 "internal" problem without the message.
  std::function<void(const Request&, std::string_view message)> on_error;
};

// The body limit of a request to `target`: its large_body_routes entry's, else max_body_bytes.
inline size_t BodyLimitFor(const ServerOptions& options, std::string_view target) {
  for (const auto& route : options.large_body_routes) {
    if (target.starts_with(route.prefix)) return route.max_bytes;
  }
  return options.max_body_bytes;
}

// The largest body any request may send, the parser's limit until the target is known.
inline size_t LargestBodyLimit(const ServerOptions& options) {
  size_t largest = options.max_body_bytes;
  for (const auto& route : options.large_body_routes) largest = std::max(largest, route.max_bytes);
  return largest;
}

}  // namespace ordo::http
