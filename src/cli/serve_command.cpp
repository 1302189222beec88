#include "cli/serve_command.h"

#include <cstdlib>
#include <iostream>

#include "api/api_context.h"
#include "api/api_routes.h"
#include "http/server.h"
#include "store/sqlite/sqlite_connection.h"

namespace ordo::cli {
namespace {

struct ServeArgs {
  std::string listen;
  int workers = 8;
  int readers = 4;
};

std::string DefaultListen() {
  const char* env = std::getenv("ORDO_LISTEN");
  return (env && *env) ? env : "127.0.0.1:8080";
}

// "HOST:PORT" → (host, port). Throws std::runtime_error with a clear message.
std::pair<std::string, uint16_t> ParseListen(const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    throw std::runtime_error("--listen wants HOST:PORT, got \"" + text + "\"");
  }
  std::string host = text.substr(0, colon);
  int port = 0;
  try {
    size_t used = 0;
    port = std::stoi(text.substr(colon + 1), &used);
    if (used != text.size() - colon - 1) port = -1;
  } catch (const std::exception&) {
    port = -1;
  }
  if (port < 0 || port > 65535) throw std::runtime_error("bad port in --listen " + text);
  return {host, static_cast<uint16_t>(port)};
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<ServeArgs>();
  args->listen = DefaultListen();
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP API");
  cmd->add_option("--listen", args->listen, "HOST:PORT (env ORDO_LISTEN, default 127.0.0.1:8080)");
  cmd->add_option("--workers", args->workers, "Request handler threads")->check(CLI::Range(1, 256));
  cmd->add_option("--readers", args->readers, "Read connections")->check(CLI::Range(1, 256));
  cmd->callback([&ctx, args] {
    auto [host, port] = ParseListen(args->listen);
    store::CommandExecutor executor(ctx.Open(/*migrate=*/true));
    std::string path = ctx.options().db_path;
    store::ConnectionPool readers(static_cast<size_t>(args->readers),
                                  [&path] { return store::OpenSqlite(path); });
    api::ApiContext api{executor, readers, ctx.clock()};
    http::Router router;
    api::AddApiRoutes(router, api);
    http::ServerOptions options;
    options.host = host;
    options.port = port;
    options.worker_threads = static_cast<size_t>(args->workers);
    http::Server server(options, std::move(router));
    server.Start();
    std::cerr << "ordo: serving " << path << " on http://" << host << ":" << server.port()
              << std::endl;
    int sig = server.WaitForSignals();
    std::cerr << "ordo: signal " << sig << ", stopped" << std::endl;
  });
}

}  // namespace ordo::cli
