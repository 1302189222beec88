// JsonLog: whole JSON lines, level filtering, a background writer that never blocks callers.
#include "telemetry/json_log.h"

#include <gtest/gtest.h>

#include <latch>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

namespace ordo::telemetry {
namespace {

struct Collected {
  std::mutex mu;
  std::vector<std::string> lines;
  JsonLog::Sink Sink() {
    return [this](std::string_view line) {
      std::lock_guard lock(mu);
      lines.emplace_back(line);
    };
  }
};

TEST(JsonLogTest, WritesOneJsonObjectPerLineAtOrAboveItsLevel) {
  ManualClock clock(Timestamp{1'795'000'000'123'456});
  Collected out;
  {
    JsonLog log(LogLevel::kInfo, clock, out.Sink());
    log.Write(LogLevel::kDebug, "hidden");
    log.Write(LogLevel::kInfo, "request",
              [](jsonio::JsonWriter& w) { w.Field("request_id", "abc").Field("status", 201); });
    log.Write(LogLevel::kError, "bad \"quote\"\n");
  }  // the destructor writes what is queued
  ASSERT_EQ(out.lines.size(), 2u);
  for (const auto& line : out.lines) EXPECT_EQ(line.back(), '\n');
  auto first = nlohmann::json::parse(out.lines[0]);
  EXPECT_EQ(first["level"], "info");
  EXPECT_EQ(first["msg"], "request");
  EXPECT_EQ(first["request_id"], "abc");
  EXPECT_EQ(first["status"], 201);
  EXPECT_EQ(first["ts"], "2026-11-18T11:06:40.123Z");
  EXPECT_EQ(nlohmann::json::parse(out.lines[1])["msg"], "bad \"quote\"\n");
}

TEST(JsonLogTest, LinesFromManyThreadsStayWhole) {
  ManualClock clock(Timestamp{0});
  Collected out;
  {
    JsonLog log(LogLevel::kInfo, clock, out.Sink());
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&log, t] {
        for (int i = 0; i < 500; ++i) {
          log.Write(LogLevel::kInfo, "x",
                    [&](jsonio::JsonWriter& w) { w.Field("thread", t).Field("i", i); });
        }
      });
    }
    for (auto& th : threads) th.join();
  }
  ASSERT_EQ(out.lines.size(), 2000u);
  for (const auto& line : out.lines) {
    EXPECT_FALSE(nlohmann::json::parse(line, nullptr, false).is_discarded()) << line;
  }
}

TEST(JsonLogTest, ASlowSinkDropsAndCountsInsteadOfBlocking) {
  ManualClock clock(Timestamp{0});
  Collected out;
  std::latch release(1);
  auto slow = [&](std::string_view line) {
    release.wait();
    std::lock_guard lock(out.mu);
    out.lines.emplace_back(line);
  };
  {
    JsonLog log(LogLevel::kInfo, clock, slow, /*max_queued=*/10);
    // 200 writes against a sink that does not move until they are all done: a Write that
    // waited for the sink would never return.
    for (int i = 0; i < 200; ++i) log.Write(LogLevel::kInfo, "x");
    release.count_down();
  }
  ASSERT_FALSE(out.lines.empty());
  EXPECT_LT(out.lines.size(), 200u);
  EXPECT_EQ(nlohmann::json::parse(out.lines.back())["msg"], "log lines dropped");
  // Every line is written or counted in a note. The writer may have taken a first batch (and
  // its drop count) before the sink stalled, so there may be more than one note.
  int written = 0, dropped = 0;
  for (const auto& line : out.lines) {
    auto j = nlohmann::json::parse(line);
    if (j["msg"] == "log lines dropped") {
      dropped += j["count"].get<int>();
    } else {
      ++written;
    }
  }
  EXPECT_EQ(written + dropped, 200);
}

}  // namespace
}  // namespace ordo::telemetry
