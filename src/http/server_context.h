// ServerContext: the state a server shares with its connections (internal to the server).
//
// Owned by Server::Impl and outlives every connection callback and worker task. `options` and
// `router` are immutable while the server runs; `draining` flips once, in Stop().
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string_view>

#include "http/connection_registry.h"
#include "http/router.h"
#include "http/server_options.h"
#include "http/worker_pool.h"

namespace ordo::http::internal {

// Closed at the end of Stop(): after that, Responders no longer reach connections (whose
// io_context may be gone). Responders hold `mu` while handing a response to a connection.
struct ResponderGate {
  std::mutex mu;
  bool open = true;
};

struct ServerContext {
  ServerContext(ServerOptions server_options, Router server_router)
      : options(std::move(server_options)), router(std::move(server_router)) {}

  // Calls options.on_complete / options.on_error, swallowing their exceptions.
  void ReportComplete(const Request& request, const Response& response,
                      std::chrono::nanoseconds elapsed) const;
  void ReportError(const Request& request, std::string_view message) const;

  const ServerOptions options;
  const Router router;
  std::unique_ptr<WorkerPool> pool;  // created by Start()
  ConnectionRegistry connections;
  const std::shared_ptr<ResponderGate> gate = std::make_shared<ResponderGate>();
  std::atomic<bool> draining{false};
};

// The 500 problem sent when a handler fails; its detail never includes internal messages.
Response InternalErrorResponse();

// A 503 problem with `code` and Retry-After (kRetryAfterSeconds): the server cannot take this
// request or connection now, a retry soon may succeed.
inline constexpr int kRetryAfterSeconds = 1;
Response BusyResponse(std::string_view code, std::string_view detail);

}  // namespace ordo::http::internal
