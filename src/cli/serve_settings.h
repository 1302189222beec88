// ServeSettings: how `ordo serve` is configured, in layers, each overriding the one before:
// defaults < a TOML file (--config FILE or $ORDO_CONFIG) < ORDO_* environment variables <
// command-line flags.
//
//   # ordo.toml
//   [server]
//   listen = "127.0.0.1:8080"
//   workers = 8            # request handler threads
//   readers = 4            # read connections
//   max_body_bytes = 1048576
//   max_connections = 0               # open connections; 0 = derived from the open-file limit
//   max_connections_per_address = 256 # from one client address (behind a proxy: raise it)
//   header_timeout_seconds = 5        # for a connection to send a complete request header
//   idle_timeout_seconds = 30         # a kept-alive connection waiting for its next request
//   [database]
//   path = "./data/ordo.db"
//   [log]
//   level = "info"         # debug | info | warn | error
//   [orders]
//   max_line_quantity = 1000000    # base units on one order line (flows/order_limits.h)
//   max_order_quantity = 10000000  # base units on all lines of one order
//
// Environment: ORDO_LISTEN, ORDO_DB, ORDO_LOG_LEVEL, ORDO_WORKERS, ORDO_READERS,
// ORDO_MAX_CONNECTIONS, ORDO_MAX_CONNECTIONS_PER_ADDRESS, ORDO_HEADER_TIMEOUT_SECONDS,
// ORDO_IDLE_TIMEOUT_SECONDS, ORDO_MAX_LINE_QUANTITY, ORDO_MAX_ORDER_QUANTITY.
// A file with a syntax error, an unknown key or a value of the wrong type or range is
// refused with the file name, line and key, so a typo never silently runs defaults.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ordo::cli {

struct ServeSettings {
  std::string listen = "127.0.0.1:8080";
  std::string db_path = "./data/ordo.db";
  std::string log_level = "info";
  int workers = 8;
  int readers = 4;
  int64_t max_body_bytes = 1024 * 1024;
  int max_connections = 0;  // 0: ConnectionLimit() derives it from the open-file limit
  int max_connections_per_address = 256;
  int header_timeout_seconds = 5;
  int idle_timeout_seconds = 30;
  int64_t max_line_quantity = 1'000'000;  // the defaults of flows::OrderLimits
  int64_t max_order_quantity = 10'000'000;
};

// Applies the TOML document `text` (named `source` in messages) over `settings`.
Status ApplyToml(ServeSettings& settings, std::string_view text, const std::string& source);
// Reads and applies the TOML file at `path`.
Status ApplyTomlFile(ServeSettings& settings, const std::string& path);

using EnvLookup = std::function<const char*(const char* name)>;
// Applies the ORDO_* variables that are set and non-empty.
Status ApplyEnvironment(ServeSettings& settings, const EnvLookup& getenv);

// Checks ranges and names: listen is HOST:PORT, workers/readers 1..256, a known log level,
// max_body_bytes 1 KiB..1 GiB, max_connections 0..1000000, max_connections_per_address
// 1..1000000, header_timeout_seconds 1..300, idle_timeout_seconds 1..3600,
// 1 <= max_line_quantity <= max_order_quantity <= 10^12.
Status ValidateSettings(const ServeSettings& settings);

// Connections the server answers 503 at once while over its limits (each holds a descriptor).
inline constexpr int kRefusingConnections = 64;

// The connection limit to serve with under the open-file limit `file_limit`. Every open
// connection holds a file descriptor, and so do the database (three per SQLite connection: the
// writer, the checkpointer and each reader), the refusals in flight and the process itself
// (kReservedFiles); past the file limit accept() fails and clients get no answer at all. So a
// configured limit must fit under the file limit less that headroom (invalid_argument
// otherwise, naming both), and the default (0) is that room, at most kMaxDerivedConnections.
inline constexpr uint64_t kReservedFiles = 64;
inline constexpr uint64_t kMaxDerivedConnections = 10'000;
Result<size_t> ConnectionLimit(const ServeSettings& settings, uint64_t file_limit);

// "HOST:PORT" → (host, port); invalid_argument otherwise.
struct ListenAddress {
  std::string host;
  uint16_t port = 0;
};
Result<ListenAddress> ParseListenAddress(std::string_view text);

}  // namespace ordo::cli
