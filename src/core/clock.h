// Time: an injectable clock, UTC timestamps and business dates.
//
// Nothing in Ordo reads the system time directly; it asks the Clock it was given, so tests
// control time. Timestamps are microseconds since the Unix epoch (UTC); business dates are
// days since the epoch.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ordo {

struct Timestamp {
  int64_t micros = 0;  // since 1970-01-01T00:00:00Z
  auto operator<=>(const Timestamp&) const = default;
};

struct Date {
  int32_t days = 0;  // since 1970-01-01
  auto operator<=>(const Date&) const = default;
};

// "2026-11-24T10:15:00Z"; fractional seconds are printed (".123456") only when non-zero.
std::string FormatRfc3339(Timestamp t);
// Accepts "YYYY-MM-DDTHH:MM:SS[.ffffff](Z|+HH:MM|-HH:MM)"; nullopt when malformed.
std::optional<Timestamp> ParseRfc3339(std::string_view text);
// "2026-11-24".
std::string FormatDate(Date d);
// Strict "YYYY-MM-DD" with a real calendar day; nullopt otherwise.
std::optional<Date> ParseDate(std::string_view text);
Date DateOf(Timestamp t);
Date DateFromCivil(int year, unsigned month, unsigned day);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

// The real clock. Thread-safe.
class SystemClock final : public Clock {
 public:
  Timestamp Now() const override;
};

// A clock that tests set and advance. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : now_(start.micros) {}
  Timestamp Now() const override { return Timestamp{now_.load()}; }
  void Set(Timestamp t) { now_.store(t.micros); }
  void AdvanceSeconds(int64_t s) { now_.fetch_add(s * 1'000'000); }

 private:
  std::atomic<int64_t> now_;
};

}  // namespace ordo
