#include "cli/serve_settings.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <limits>
#include <sstream>
#include <toml.hpp>
#include <utility>

#include "telemetry/json_log.h"

namespace ordo::cli {
namespace {

Status Bad(const std::string& message) {
  return Status::InvalidArgument(message);
}

// "file:line: key: problem", the location taken from the value's place in the source.
std::string Where(const std::string& source, const toml::value& v, const std::string& key) {
  auto loc = v.location();
  return source + ":" + std::to_string(loc.line()) + ": " + key;
}

Status ReadString(const toml::value& v, const std::string& source, const std::string& key,
                  std::string& out) {
  if (!v.is_string()) return Bad(Where(source, v, key) + " must be a string");
  out = v.as_string().str;
  return Status::Ok();
}

template <typename Int>
Status ReadInt(const toml::value& v, const std::string& source, const std::string& key, Int& out) {
  if (!v.is_integer()) return Bad(Where(source, v, key) + " must be an integer");
  auto value = v.as_integer();
  if (value < std::numeric_limits<Int>::min() || value > std::numeric_limits<Int>::max()) {
    return Bad(Where(source, v, key) + " is out of range");
  }
  out = static_cast<Int>(value);
  return Status::Ok();
}

Status ApplyTable(ServeSettings& s, const toml::value& root, const std::string& source) {
  for (const auto& [section, table] : root.as_table()) {
    if (!table.is_table()) {
      return Bad(Where(source, table, section) + " is not a known setting (expected tables " +
                 "[server], [database], [log], [orders])");
    }
    for (const auto& [key, value] : table.as_table()) {
      std::string name = section + "." + key;
      Status st = Status::Ok();
      if (name == "server.listen") {
        st = ReadString(value, source, name, s.listen);
      } else if (name == "server.workers") {
        st = ReadInt(value, source, name, s.workers);
      } else if (name == "server.readers") {
        st = ReadInt(value, source, name, s.readers);
      } else if (name == "server.max_body_bytes") {
        st = ReadInt(value, source, name, s.max_body_bytes);
      } else if (name == "server.max_connections") {
        st = ReadInt(value, source, name, s.max_connections);
      } else if (name == "server.max_connections_per_address") {
        st = ReadInt(value, source, name, s.max_connections_per_address);
      } else if (name == "server.header_timeout_seconds") {
        st = ReadInt(value, source, name, s.header_timeout_seconds);
      } else if (name == "server.idle_timeout_seconds") {
        st = ReadInt(value, source, name, s.idle_timeout_seconds);
      } else if (name == "orders.max_line_quantity") {
        st = ReadInt(value, source, name, s.max_line_quantity);
      } else if (name == "orders.max_order_quantity") {
        st = ReadInt(value, source, name, s.max_order_quantity);
      } else if (name == "database.path") {
        st = ReadString(value, source, name, s.db_path);
      } else if (name == "log.level") {
        st = ReadString(value, source, name, s.log_level);
      } else {
        return Bad(Where(source, value, name) + " is not a known setting");
      }
      if (!st.ok()) return st;
    }
  }
  return Status::Ok();
}

template <typename Int>
Status ParseIntEnv(const char* name, const char* text, Int& out) {
  std::string_view v(text);
  Int value = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
  if (ec != std::errc() || end != v.data() + v.size()) {
    return Bad(std::string(name) + " must be an integer, got \"" + text + "\"");
  }
  out = value;
  return Status::Ok();
}

}  // namespace

Status ApplyToml(ServeSettings& settings, std::string_view text, const std::string& source) {
  toml::value root;
  try {
    std::istringstream in{std::string(text)};
    root = toml::parse(in, source);
  } catch (const std::exception& e) {
    return Bad(std::string("cannot read ") + source + ": " + e.what());
  }
  return ApplyTable(settings, root, source);
}

Status ApplyTomlFile(ServeSettings& settings, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Bad("cannot open configuration file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return ApplyToml(settings, text.str(), path);
}

Status ApplyEnvironment(ServeSettings& settings, const EnvLookup& getenv) {
  auto set = [&](const char* name) -> const char* {
    const char* v = getenv(name);
    return (v && *v) ? v : nullptr;
  };
  if (const char* v = set("ORDO_LISTEN")) settings.listen = v;
  if (const char* v = set("ORDO_DB")) settings.db_path = v;
  if (const char* v = set("ORDO_LOG_LEVEL")) settings.log_level = v;
  const std::pair<const char*, int*> integers[] = {
      {"ORDO_WORKERS", &settings.workers},
      {"ORDO_READERS", &settings.readers},
      {"ORDO_MAX_CONNECTIONS", &settings.max_connections},
      {"ORDO_MAX_CONNECTIONS_PER_ADDRESS", &settings.max_connections_per_address},
      {"ORDO_HEADER_TIMEOUT_SECONDS", &settings.header_timeout_seconds},
      {"ORDO_IDLE_TIMEOUT_SECONDS", &settings.idle_timeout_seconds},
  };
  for (const auto& [name, out] : integers) {
    if (const char* v = set(name)) {
      if (Status st = ParseIntEnv(name, v, *out); !st.ok()) return st;
    }
  }
  for (auto [name, out] : {std::pair{"ORDO_MAX_LINE_QUANTITY", &settings.max_line_quantity},
                           {"ORDO_MAX_ORDER_QUANTITY", &settings.max_order_quantity}}) {
    if (const char* v = set(name)) {
      if (Status st = ParseIntEnv(name, v, *out); !st.ok()) return st;
    }
  }
  return Status::Ok();
}

Result<ListenAddress> ParseListenAddress(std::string_view text) {
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size()) {
    return Bad("listen address must be HOST:PORT, got \"" + std::string(text) + "\"");
  }
  std::string_view port_text = text.substr(colon + 1);
  int port = -1;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port < 0 || port > 65535) {
    return Bad("bad port in listen address \"" + std::string(text) + "\"");
  }
  std::string host(text.substr(0, colon));
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);  // [::1]:8080
  }
  return ListenAddress{host, static_cast<uint16_t>(port)};
}

Status ValidateSettings(const ServeSettings& s) {
  if (auto listen = ParseListenAddress(s.listen); !listen.ok()) return listen.status();
  if (s.db_path.empty()) return Bad("the database path is empty");
  if (!telemetry::ParseLogLevel(s.log_level)) {
    return Bad("log level must be debug, info, warn or error, got \"" + s.log_level + "\"");
  }
  if (s.workers < 1 || s.workers > 256) return Bad("workers must be 1 to 256");
  if (s.readers < 1 || s.readers > 256) return Bad("readers must be 1 to 256");
  if (s.max_body_bytes < 1024 || s.max_body_bytes > (int64_t{1} << 30)) {
    return Bad("max_body_bytes must be 1024 to 1073741824");
  }
  if (s.max_connections < 0 || s.max_connections > 1'000'000) {
    return Bad("max_connections must be 0 (derived from the open-file limit) to 1000000");
  }
  if (s.max_connections_per_address < 1 || s.max_connections_per_address > 1'000'000) {
    return Bad("max_connections_per_address must be 1 to 1000000");
  }
  if (s.header_timeout_seconds < 1 || s.header_timeout_seconds > 300) {
    return Bad("header_timeout_seconds must be 1 to 300");
  }
  if (s.idle_timeout_seconds < 1 || s.idle_timeout_seconds > 3600) {
    return Bad("idle_timeout_seconds must be 1 to 3600");
  }
  // 10^12 base units is what a quantity can be at all (core/quantity.h).
  if (s.max_line_quantity < 1 || s.max_line_quantity > s.max_order_quantity ||
      s.max_order_quantity > 1'000'000'000'000) {
    return Bad(
        "max_line_quantity must be at least 1 and at most max_order_quantity, "
        "which is at most 1000000000000");
  }
  return Status::Ok();
}

Result<size_t> ConnectionLimit(const ServeSettings& s, uint64_t file_limit) {
  constexpr uint64_t kFilesPerSqliteConnection = 3;  // database, WAL, shared memory
  uint64_t sqlite_connections = static_cast<uint64_t>(s.readers) + 2;  // + writer, checkpointer
  uint64_t headroom = kReservedFiles + kFilesPerSqliteConnection * sqlite_connections +
                      static_cast<uint64_t>(kRefusingConnections);
  uint64_t room = file_limit > headroom ? file_limit - headroom : 0;
  if (s.max_connections == 0) {
    if (room == 0) {
      return Bad("the open-file limit " + std::to_string(file_limit) +
                 " leaves no room for connections (it needs more than " + std::to_string(headroom) +
                 "); raise it (ulimit -n)");
    }
    return static_cast<size_t>(std::min(room, kMaxDerivedConnections));
  }
  if (static_cast<uint64_t>(s.max_connections) > room) {
    return Bad("max_connections " + std::to_string(s.max_connections) +
               " does not fit under the open-file limit " + std::to_string(file_limit) +
               " (at most " + std::to_string(room) + "); lower it or raise the limit (ulimit -n)");
  }
  return static_cast<size_t>(s.max_connections);
}

}  // namespace ordo::cli
