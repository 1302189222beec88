// Helpers to run a Server on 127.0.0.1 with an ephemeral port in tests.
#pragma once

#include <memory>
#include <utility>

#include "http/server.h"

namespace ordo::http::testing {

inline ServerOptions LocalOptions() {
  ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  return options;
}

// A started server; stopped when destroyed.
inline std::unique_ptr<Server> StartServer(Router router, ServerOptions options = LocalOptions()) {
  auto server = std::make_unique<Server>(std::move(options), std::move(router));
  server->Start();
  return server;
}

}  // namespace ordo::http::testing
