// The demo's history window: the days before `now` that orders are spread over.
//
// Times are UTC; the distributor works US Central business hours, about 13:00 to 23:00 UTC.
#pragma once

#include <cstdint>

#include "core/clock.h"

namespace ordo::demo {

struct HistoryWindow {
  Date first;    // the first day of history
  int days = 0;  // history covers first .. first + days - 1, all before `now`'s day

  Date Day(int index) const { return Date{first.days + index}; }
};

inline HistoryWindow WindowBefore(Timestamp now, int days) {
  return HistoryWindow{Date{DateOf(now).days - days}, days};
}

// The time `second_of_day` seconds after midnight UTC of `day`.
inline Timestamp At(Date day, int64_t second_of_day) {
  return Timestamp{(int64_t{day.days} * 86'400 + second_of_day) * 1'000'000};
}

// 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday).
inline int Weekday(Date day) {
  return static_cast<int>(((day.days + 4) % 7 + 7) % 7);
}
inline bool IsWeekend(Date day) {
  return Weekday(day) == 0 || Weekday(day) == 6;
}

inline constexpr int64_t kHour = 3'600;

}  // namespace ordo::demo
