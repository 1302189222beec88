#include "core/clock.h"

#include <chrono>
#include <cstdio>

namespace ordo {
namespace {

constexpr int64_t kSecondsPerDay = 86'400;
constexpr int64_t kMicrosPerSecond = 1'000'000;
constexpr int64_t kMicrosPerDay = kSecondsPerDay * kMicrosPerSecond;
constexpr size_t kMaxFractionDigits = 6;

struct Civil {
  int64_t year;
  unsigned month;
  unsigned day;
};

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).
constexpr int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146'097 + static_cast<int64_t>(day_of_era) - 719'468;
}

constexpr Civil CivilFromDays(int64_t days) {
  days += 719'468;
  const int64_t era = (days >= 0 ? days : days - 146'096) / 146'097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146'097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36'524 - day_of_era / 146'096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned shifted_month = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  return {static_cast<int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

static_assert(DaysFromCivil(1970, 1, 1) == 0);
static_assert(CivilFromDays(-1).year == 1969);

constexpr bool IsLeapYear(int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr unsigned DaysInMonth(int64_t year, unsigned month) {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Reads exactly `count` digits at `pos` and advances past them.
std::optional<int> ReadDigits(std::string_view text, size_t& pos, size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  pos += count;
  return value;
}

bool ReadChar(std::string_view text, size_t& pos, char expected) {
  if (pos >= text.size() || text[pos] != expected) return false;
  ++pos;
  return true;
}

// "YYYY-MM-DD" at `pos` as days since the epoch, when it names a real calendar day.
std::optional<int64_t> ReadDate(std::string_view text, size_t& pos) {
  const std::optional<int> year = ReadDigits(text, pos, 4);
  if (!year || !ReadChar(text, pos, '-')) return std::nullopt;
  const std::optional<int> month = ReadDigits(text, pos, 2);
  if (!month || !ReadChar(text, pos, '-')) return std::nullopt;
  const std::optional<int> day = ReadDigits(text, pos, 2);
  if (!day || *month < 1 || *month > 12 || *day < 1) return std::nullopt;
  if (static_cast<unsigned>(*day) > DaysInMonth(*year, *month)) return std::nullopt;
  return DaysFromCivil(*year, *month, *day);
}

// "HH:MM" at `pos` as seconds, with hours 0..23 and minutes 0..59.
std::optional<int64_t> ReadHoursMinutes(std::string_view text, size_t& pos) {
  const std::optional<int> hours = ReadDigits(text, pos, 2);
  if (!hours || !ReadChar(text, pos, ':')) return std::nullopt;
  const std::optional<int> minutes = ReadDigits(text, pos, 2);
  if (!minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return *hours * 3600 + *minutes * 60;
}

// "[.f{1,6}]" at `pos` as microseconds; 0 when absent.
std::optional<int64_t> ReadFraction(std::string_view text, size_t& pos) {
  if (!ReadChar(text, pos, '.')) return 0;
  int64_t micros = 0;
  size_t digits = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (++digits > kMaxFractionDigits) return std::nullopt;
    micros = micros * 10 + (text[pos++] - '0');
  }
  if (digits == 0) return std::nullopt;
  for (; digits < kMaxFractionDigits; ++digits) micros *= 10;
  return micros;
}

// "Z", "+HH:MM" or "-HH:MM" at `pos` as seconds east of UTC.
std::optional<int64_t> ReadOffset(std::string_view text, size_t& pos) {
  if (ReadChar(text, pos, 'Z')) return 0;
  int64_t sign = 1;
  if (ReadChar(text, pos, '-')) {
    sign = -1;
  } else if (!ReadChar(text, pos, '+')) {
    return std::nullopt;
  }
  const std::optional<int64_t> seconds = ReadHoursMinutes(text, pos);
  if (!seconds) return std::nullopt;
  return sign * *seconds;
}

std::string FormatCivil(const Civil& civil) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%04lld-%02u-%02u", static_cast<long long>(civil.year),
                civil.month, civil.day);
  return buffer;
}

}  // namespace

std::string FormatRfc3339(Timestamp t) {
  int64_t days = t.micros / kMicrosPerDay;
  int64_t micros_of_day = t.micros % kMicrosPerDay;
  if (micros_of_day < 0) {
    micros_of_day += kMicrosPerDay;
    --days;
  }
  const int64_t seconds_of_day = micros_of_day / kMicrosPerSecond;
  const int64_t fraction = micros_of_day % kMicrosPerSecond;

  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "T%02lld:%02lld:%02lld",
                static_cast<long long>(seconds_of_day / 3600),
                static_cast<long long>(seconds_of_day / 60 % 60),
                static_cast<long long>(seconds_of_day % 60));
  std::string out = FormatCivil(CivilFromDays(days)) + buffer;
  if (fraction != 0) {
    std::snprintf(buffer, sizeof(buffer), ".%06lld", static_cast<long long>(fraction));
    out += buffer;
  }
  out += 'Z';
  return out;
}

std::optional<Timestamp> ParseRfc3339(std::string_view text) {
  size_t pos = 0;
  const std::optional<int64_t> days = ReadDate(text, pos);
  if (!days || !ReadChar(text, pos, 'T')) return std::nullopt;
  const std::optional<int64_t> hours_minutes = ReadHoursMinutes(text, pos);
  if (!hours_minutes || !ReadChar(text, pos, ':')) return std::nullopt;
  const std::optional<int> seconds = ReadDigits(text, pos, 2);
  if (!seconds || *seconds > 59) return std::nullopt;
  const std::optional<int64_t> fraction = ReadFraction(text, pos);
  if (!fraction) return std::nullopt;
  const std::optional<int64_t> offset = ReadOffset(text, pos);
  if (!offset || pos != text.size()) return std::nullopt;

  const int64_t utc_seconds = *days * kSecondsPerDay + *hours_minutes + *seconds - *offset;
  return Timestamp{utc_seconds * kMicrosPerSecond + *fraction};
}

std::string FormatDate(Date d) {
  return FormatCivil(CivilFromDays(d.days));
}

std::optional<Date> ParseDate(std::string_view text) {
  size_t pos = 0;
  const std::optional<int64_t> days = ReadDate(text, pos);
  if (!days || pos != text.size()) return std::nullopt;
  return Date{static_cast<int32_t>(*days)};
}

Date DateOf(Timestamp t) {
  int64_t days = t.micros / kMicrosPerDay;
  if (t.micros % kMicrosPerDay < 0) --days;
  return Date{static_cast<int32_t>(days)};
}

Date DateFromCivil(int year, unsigned month, unsigned day) {
  return Date{static_cast<int32_t>(DaysFromCivil(year, month, day))};
}

Timestamp SystemClock::Now() const {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Timestamp{std::chrono::duration_cast<std::chrono::microseconds>(since_epoch).count()};
}

}  // namespace ordo
