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

JsonLog::JsonLog(LogLevel min_level, const Clock& clock, Sink sink, size_t max_queued)
    : min_level_(min_level),
      clock_(clock),
      sink_(std::move(sink)),
      max_queued_(max_queued),
      writer_([this] { WriterLoop(); }) {}

JsonLog::~JsonLog() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  writer_.join();
}

void JsonLog::WriterLoop() {
  std::deque<std::string> lines;
  for (;;) {
    uint64_t dropped = 0;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything is written
      lines.swap(queue_);
      std::swap(dropped, dropped_);
    }
    for (const auto& line : lines) sink_(line);
    lines.clear();
    if (dropped > 0) {
      std::string note = "{\"ts\":\"" + LogTime(clock_.Now()) +
                         "\",\"level\":\"warn\",\"msg\":\"log lines dropped\",\"count\":" +
                         std::to_string(dropped) + "}\n";
      sink_(note);
    }
  }
}

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
  {
    std::lock_guard lock(mu_);
    if (queue_.size() >= max_queued_) {
      ++dropped_;
      return;
    }
    queue_.push_back(std::move(line));
  }
  cv_.notify_one();
}

}  // namespace ordo::telemetry
