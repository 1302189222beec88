// JsonLog: structured logs, one JSON object per line.
//
//   {"ts":"2026-11-24T10:15:00.123Z","level":"info","msg":"request","request_id":"9f…",
//    "method":"POST","route":"/api/v1/orders","status":201,"duration_us":5321}
//
// Lines at or above the configured level go to the sink (stderr by default) whole, never
// interleaved with another thread's line. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "jsonio/json_writer.h"

namespace ordo::telemetry {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

// "debug", "info", "warn" (or "warning"), "error"; nullopt otherwise.
std::optional<LogLevel> ParseLogLevel(std::string_view name);
std::string_view LogLevelName(LogLevel level);

class JsonLog {
 public:
  using Sink = std::function<void(std::string_view line)>;  // gets the line with its '\n'

  // Writes to stderr.
  JsonLog(LogLevel min_level, const Clock& clock);
  JsonLog(LogLevel min_level, const Clock& clock, Sink sink);

  bool Enabled(LogLevel level) const { return level >= min_level_; }

  // Writes one line: ts, level and msg, then whatever `fields` adds to the open object
  // (e.g. [](jsonio::JsonWriter& w) { w.Field("status", 201); }).
  void Write(LogLevel level, std::string_view msg,
             const std::function<void(jsonio::JsonWriter&)>& fields = {});

 private:
  LogLevel min_level_;
  const Clock& clock_;
  Sink sink_;
  std::mutex mu_;
};

}  // namespace ordo::telemetry
