#include "cli/serve_command.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>

#include "api/api_context.h"
#include "api/api_routes.h"
#include "api/housekeeping.h"
#include "api/import_routes.h"
#include "api/telemetry_hooks.h"
#include "cli/open_file_limit.h"
#include "cli/serve_settings.h"
#include "http/server.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/wal_checkpointer.h"
#include "telemetry/json_log.h"
#include "telemetry/metrics.h"
#include "web/web_routes.h"

namespace ordo::cli {
namespace {

struct ServeFlags {
  std::string config;
  std::string listen;
  std::string log_level;
  int workers = 0;
  int readers = 0;
  int max_connections = 0;
  int max_connections_per_address = 0;
  int header_timeout_seconds = 0;
  int idle_timeout_seconds = 0;
};

void Check(const Status& st) {
  if (!st.ok()) throw std::runtime_error(st.message());
}

// Defaults < config file < environment < flags (see serve_settings.h).
ServeSettings ResolveSettings(const ServeFlags& flags, const CLI::App& app, const CLI::App& cmd,
                              const CliContext& ctx) {
  ServeSettings s;
  std::string config = flags.config;
  if (config.empty()) {
    const char* env = std::getenv("ORDO_CONFIG");
    if (env && *env) config = env;
  }
  if (!config.empty()) Check(ApplyTomlFile(s, config));
  Check(ApplyEnvironment(s, [](const char* name) { return std::getenv(name); }));
  if (app.get_option("--db")->count() > 0) s.db_path = ctx.options().db_path;
  if (cmd.get_option("--listen")->count() > 0) s.listen = flags.listen;
  if (cmd.get_option("--log-level")->count() > 0) s.log_level = flags.log_level;
  if (cmd.get_option("--workers")->count() > 0) s.workers = flags.workers;
  if (cmd.get_option("--readers")->count() > 0) s.readers = flags.readers;
  if (cmd.get_option("--max-connections")->count() > 0) s.max_connections = flags.max_connections;
  if (cmd.get_option("--max-connections-per-address")->count() > 0) {
    s.max_connections_per_address = flags.max_connections_per_address;
  }
  if (cmd.get_option("--header-timeout-seconds")->count() > 0) {
    s.header_timeout_seconds = flags.header_timeout_seconds;
  }
  if (cmd.get_option("--idle-timeout-seconds")->count() > 0) {
    s.idle_timeout_seconds = flags.idle_timeout_seconds;
  }
  Check(ValidateSettings(s));
  return s;
}

void Serve(const ServeSettings& settings, CliContext& ctx) {
  ListenAddress listen = ParseListenAddress(settings.listen).value();
  uint64_t file_limit = RaiseOpenFileLimit();
  Result<size_t> max_connections = ConnectionLimit(settings, file_limit);
  Check(max_connections.status());
  telemetry::JsonLog log(*telemetry::ParseLogLevel(settings.log_level), ctx.clock());
  telemetry::Metrics metrics;

  ctx.mutable_options().db_path = settings.db_path;
  store::CommandExecutor::Options executor_options;
  executor_options.on_batch = [&metrics](size_t commands, std::chrono::nanoseconds took) {
    metrics.ObserveCommitBatch(commands, took);
  };
  store::ConnectionPtr writer = ctx.Open(/*migrate=*/true);
  // Checkpoints run on their own connection and thread, not on the writer (wal_checkpointer.h).
  store::WalCheckpointer::TakeOverFrom(*writer);
  store::WalCheckpointer checkpointer(settings.db_path);
  auto executor = std::make_unique<store::CommandExecutor>(std::move(writer), executor_options);
  store::ConnectionPool readers(static_cast<size_t>(settings.readers), [&settings] {
    return store::OpenSqlite(settings.db_path, store::SqliteOptions{.query_only = true});
  });
  api::ApiContext api{*executor, readers, ctx.clock(), &metrics};
  // Expired tokens and old idempotency answers are purged every few minutes (housekeeping.h).
  auto housekeeping = std::make_unique<api::Housekeeping>(*executor, ctx.clock());
  api.order_limits = {settings.max_line_quantity, settings.max_order_quantity};
  api.log = &log;
  http::Router router;
  api::AddApiRoutes(router, api);
  web::AddWebRoutes(router);

  http::ServerOptions options;
  options.host = listen.host;
  options.port = listen.port;
  options.worker_threads = static_cast<size_t>(settings.workers);
  options.max_body_bytes = static_cast<size_t>(settings.max_body_bytes);
  api::AllowImportBodies(options);  // CSV uploads: up to api::kImportBodyLimit
  options.max_connections = *max_connections;
  options.max_connections_per_address = static_cast<size_t>(settings.max_connections_per_address);
  options.max_refusing_connections = static_cast<size_t>(kRefusingConnections);
  options.header_timeout = std::chrono::seconds(settings.header_timeout_seconds);
  options.idle_timeout = std::chrono::seconds(settings.idle_timeout_seconds);
  api::InstallTelemetry(options, metrics, log);
  http::Server server(options, std::move(router));
  server.Start();
  log.Write(telemetry::LogLevel::kInfo, "serving", [&](jsonio::JsonWriter& w) {
    w.Field("db", settings.db_path)
        .Field("url", "http://" + listen.host + ":" + std::to_string(server.port()))
        .Field("workers", settings.workers)
        .Field("readers", settings.readers)
        .Field("open_file_limit", static_cast<int64_t>(std::min<uint64_t>(file_limit, INT64_MAX)))
        .Field("max_connections", static_cast<int64_t>(*max_connections))
        .Field("max_connections_per_address", settings.max_connections_per_address);
  });
  int sig = server.WaitForSignals();
  server.Stop();
  housekeeping.reset();
  // Finish whatever commands are still queued while the read pool and the API context that
  // their callbacks use are alive.
  executor.reset();
  log.Write(telemetry::LogLevel::kInfo, "stopped",
            [&](jsonio::JsonWriter& w) { w.Field("signal", sig); });
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CliContext& ctx) {
  auto flags = std::make_shared<ServeFlags>();
  auto* cmd = app.add_subcommand(
      "serve", "Serve the HTTP API (with /metrics, /healthz and the OpenAPI document)");
  cmd->add_option("--config", flags->config, "TOML configuration file (env ORDO_CONFIG)");
  cmd->add_option("--listen", flags->listen, "HOST:PORT (env ORDO_LISTEN, default 127.0.0.1:8080)");
  cmd->add_option("--log-level", flags->log_level,
                  "debug, info, warn or error (env ORDO_LOG_LEVEL, default info)");
  cmd->add_option("--workers", flags->workers,
                  "Request handler threads (env ORDO_WORKERS, default 8)");
  cmd->add_option("--readers", flags->readers, "Read connections (env ORDO_READERS, default 4)");
  cmd->add_option("--max-connections", flags->max_connections,
                  "Open HTTP connections; more are answered 503 (env ORDO_MAX_CONNECTIONS, "
                  "default 0: derived from the open-file limit)");
  cmd->add_option("--max-connections-per-address", flags->max_connections_per_address,
                  "Open HTTP connections from one client address (env "
                  "ORDO_MAX_CONNECTIONS_PER_ADDRESS, default 256)");
  cmd->add_option("--header-timeout-seconds", flags->header_timeout_seconds,
                  "Time for a connection to send a complete request header (env "
                  "ORDO_HEADER_TIMEOUT_SECONDS, default 5)");
  cmd->add_option("--idle-timeout-seconds", flags->idle_timeout_seconds,
                  "Time a kept-alive connection may wait for its next request (env "
                  "ORDO_IDLE_TIMEOUT_SECONDS, default 30)");
  cmd->callback([&app, cmd, &ctx, flags] {
    ServeSettings settings = ResolveSettings(*flags, app, *cmd, ctx);
    Serve(settings, ctx);
  });
}

}  // namespace ordo::cli
