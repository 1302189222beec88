// JsonLog: structured logs, one JSON object per line.
//
//   {"ts":"2026-11-24T10:15:00.123Z","level":"info","msg":"request","request_id":"9f…",
//    "method":"POST","route":"/api/v1/orders","status":201,"duration_us":5321}
//
// Lines at or above the configured level go to the sink (stderr by default) whole, never
// interleaved with another thread's line. Write() only queues the line: a background thread
// hands lines to the sink, so a slow log pipe never stalls the threads that serve requests.
// When more than max_queued lines wait, new ones are dropped and counted, and the count is
// logged once the sink catches up. The destructor writes every queued line. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

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
  JsonLog(LogLevel min_level, const Clock& clock, Sink sink, size_t max_queued = 65536);
  ~JsonLog();
  JsonLog(const JsonLog&) = delete;
  JsonLog& operator=(const JsonLog&) = delete;

  bool Enabled(LogLevel level) const { return level >= min_level_; }

  // Writes one line: ts, level and msg, then whatever `fields` adds to the open object
  // (e.g. [](jsonio::JsonWriter& w) { w.Field("status", 201); }).
  void Write(LogLevel level, std::string_view msg,
             const std::function<void(jsonio::JsonWriter&)>& fields = {});

 private:
  void WriterLoop();

  LogLevel min_level_;
  const Clock& clock_;
  Sink sink_;
  size_t max_queued_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::string> queue_;
  uint64_t dropped_ = 0;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace ordo::telemetry
