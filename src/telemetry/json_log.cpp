#include "telemetry/json_log.h"

#include <cstdio>

namespace ordo::telemetry {
namespace {

// RFC 3339 UTC with milliseconds: what log tooling sorts and reads best.
std::string LogTime(Timestamp t) {
  std::string seconds = FormatRfc3339(Timestamp{t.micros - t.micros % 1'000'000});
  int64_t millis = (t.micros % 1'000'000) / 1000;
  if (millis < 0) millis = 0;
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03lld", static_cast<long long>(millis));
  if (!seconds.empty() && seconds.back() == 'Z') seconds.pop_back();
  return seconds + frac + "Z";
}

}  // namespace

std::optional<LogLevel> ParseLogLevel(std::string_view name) {
  if (name == "debug") return LogLevel::kDebug;
  if (name == "info") return LogLevel::kInfo;
  if (name == "warn" || name == "warning") return LogLevel::kWarn;
  if (name == "error") return LogLevel::kError;
  return std::nullopt;
}

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

JsonLog::JsonLog(LogLevel min_level, const Clock& clock)
    : JsonLog(min_level, clock, [](std::string_view line) {
        std::fwrite(line.data(), 1, line.size(), stderr);
        std::fflush(stderr);
      }) {}

JsonLog::JsonLog(LogLevel min_level, const Clock& clock, Sink sink)
    : min_level_(min_level), clock_(clock), sink_(std::move(sink)) {}

void JsonLog::Write(LogLevel level, std::string_view msg,
                    const std::function<void(jsonio::JsonWriter&)>& fields) {
  if (!Enabled(level)) return;
  jsonio::JsonWriter w;
  w.BeginObject()
      .Field("ts", LogTime(clock_.Now()))
      .Field("level", LogLevelName(level))
      .Field("msg", msg);
  if (fields) fields(w);
  w.EndObject();
  std::string line = w.Take();
  line.push_back('\n');
  std::lock_guard lock(mu_);
  sink_(line);
}

}  // namespace ordo::telemetry
