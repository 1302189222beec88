#include "core/clock.h"

#include <gtest/gtest.h>

#include <chrono>
#include <limits>

namespace ordo {
namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;

Timestamp At(int64_t seconds, int64_t micros = 0) {
  return Timestamp{seconds * kMicrosPerSecond + micros};
}

TEST(Date, DateFromCivilCountsDaysFromEpoch) {
  EXPECT_EQ(DateFromCivil(1970, 1, 1).days, 0);
  EXPECT_EQ(DateFromCivil(1970, 1, 2).days, 1);
  EXPECT_EQ(DateFromCivil(1969, 12, 31).days, -1);
  EXPECT_EQ(DateFromCivil(2000, 3, 1).days, 11'017);
  EXPECT_EQ(DateFromCivil(2026, 11, 24).days, 20'781);
  EXPECT_EQ(DateFromCivil(1900, 1, 1).days, -25'567);
  EXPECT_EQ(DateFromCivil(0, 1, 1).days, -719'528);
  EXPECT_EQ(DateFromCivil(9999, 12, 31).days, 2'932'896);
}

TEST(Date, CountsLeapDays) {
  EXPECT_EQ(DateFromCivil(2024, 3, 1).days - DateFromCivil(2024, 2, 28).days, 2);
  EXPECT_EQ(DateFromCivil(2023, 3, 1).days - DateFromCivil(2023, 2, 28).days, 1);
  EXPECT_EQ(DateFromCivil(2000, 3, 1).days - DateFromCivil(2000, 2, 28).days, 2);
  EXPECT_EQ(DateFromCivil(1900, 3, 1).days - DateFromCivil(1900, 2, 28).days, 1);
  EXPECT_EQ(DateFromCivil(2025, 1, 1).days - DateFromCivil(2024, 1, 1).days, 366);
}

TEST(Date, FormatsAndParses) {
  EXPECT_EQ(FormatDate(Date{0}), "1970-01-01");
  EXPECT_EQ(FormatDate(Date{-1}), "1969-12-31");
  EXPECT_EQ(FormatDate(DateFromCivil(2026, 11, 24)), "2026-11-24");
  EXPECT_EQ(FormatDate(DateFromCivil(2024, 2, 29)), "2024-02-29");
  EXPECT_EQ(ParseDate("2026-11-24"), DateFromCivil(2026, 11, 24));
  EXPECT_EQ(ParseDate("1969-12-31"), Date{-1});
}

TEST(Date, RoundTripsEveryDayOfALongSpan) {
  for (int32_t days = DateFromCivil(1896, 1, 1).days; days <= DateFromCivil(2104, 12, 31).days;
       ++days) {
    const std::optional<Date> parsed = ParseDate(FormatDate(Date{days}));
    ASSERT_TRUE(parsed.has_value()) << FormatDate(Date{days});
    ASSERT_EQ(parsed->days, days);
  }
}

TEST(Date, AcceptsLeapDaysOnlyInLeapYears) {
  EXPECT_TRUE(ParseDate("2024-02-29").has_value());
  EXPECT_TRUE(ParseDate("2000-02-29").has_value());
  EXPECT_TRUE(ParseDate("1600-02-29").has_value());
  EXPECT_FALSE(ParseDate("2023-02-29").has_value());
  EXPECT_FALSE(ParseDate("1900-02-29").has_value());
  EXPECT_FALSE(ParseDate("2100-02-29").has_value());
  EXPECT_FALSE(ParseDate("2024-02-30").has_value());
}

TEST(Date, RejectsMalformed) {
  const char* const kMalformed[] = {
      "",
      "2026-11-2",
      "2026-1-24",
      "26-11-24",
      "2026/11/24",
      "2026-11-24 ",
      " 2026-11-24",
      "2026-11-24T",
      "2026-00-10",
      "2026-13-01",
      "2026-11-00",
      "2026-11-31",
      "2026-04-31",
      "2026-01-32",
      "20261124",
      "2026-11-2x",
      "+026-11-24",
      "-026-11-24",
      "2026-11--4",
      "2026-+1-24",
      "2026-11-24Z",
      "abcd-ef-gh",
  };
  for (const char* text : kMalformed) {
    EXPECT_EQ(ParseDate(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(Date, DateOfTimestampFloorsToTheDay) {
  EXPECT_EQ(DateOf(Timestamp{0}), Date{0});
  EXPECT_EQ(DateOf(At(86'399, 999'999)), Date{0});
  EXPECT_EQ(DateOf(At(86'400)), Date{1});
  EXPECT_EQ(DateOf(Timestamp{-1}), Date{-1});
  EXPECT_EQ(DateOf(At(-86'400)), Date{-1});
  EXPECT_EQ(DateOf(At(-86'401)), Date{-2});
  EXPECT_EQ(DateOf(*ParseRfc3339("2024-02-29T23:59:59Z")), DateFromCivil(2024, 2, 29));
}

TEST(Rfc3339, FormatsUtc) {
  EXPECT_EQ(FormatRfc3339(Timestamp{0}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(At(1'795'515'300)), "2026-11-24T10:15:00Z");
  EXPECT_EQ(FormatRfc3339(At(951'868'799)), "2000-02-29T23:59:59Z");
}

TEST(Rfc3339, FormatsFractionOnlyWhenNonZero) {
  EXPECT_EQ(FormatRfc3339(At(1'795'515'300, 123'456)), "2026-11-24T10:15:00.123456Z");
  EXPECT_EQ(FormatRfc3339(At(1'795'515'300, 500'000)), "2026-11-24T10:15:00.500000Z");
  EXPECT_EQ(FormatRfc3339(At(1'795'515'300, 1)), "2026-11-24T10:15:00.000001Z");
}

TEST(Rfc3339, FormatsBeforeEpoch) {
  EXPECT_EQ(FormatRfc3339(Timestamp{-1}), "1969-12-31T23:59:59.999999Z");
  EXPECT_EQ(FormatRfc3339(At(-1)), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatRfc3339(At(-86'400)), "1969-12-31T00:00:00Z");
}

TEST(Rfc3339, ParsesUtc) {
  EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z"), Timestamp{0});
  EXPECT_EQ(ParseRfc3339("2026-11-24T10:15:00Z"), At(1'795'515'300));
  EXPECT_EQ(ParseRfc3339("1969-12-31T23:59:59.999999Z"), Timestamp{-1});
}

TEST(Rfc3339, ParsesFractionsOfAnyPrecisionUpToMicros) {
  EXPECT_EQ(ParseRfc3339("2026-11-24T10:15:00.5Z"), At(1'795'515'300, 500'000));
  EXPECT_EQ(ParseRfc3339("2026-11-24T10:15:00.123Z"), At(1'795'515'300, 123'000));
  EXPECT_EQ(ParseRfc3339("2026-11-24T10:15:00.123456Z"), At(1'795'515'300, 123'456));
  EXPECT_EQ(ParseRfc3339("2026-11-24T10:15:00.000000Z"), At(1'795'515'300));
}

TEST(Rfc3339, ConvertsOffsetsToUtc) {
  EXPECT_EQ(ParseRfc3339("2026-11-24T11:15:00+01:00"), At(1'795'515'300));
  EXPECT_EQ(ParseRfc3339("2026-11-24T15:45:00+05:30"), At(1'795'515'300));
  EXPECT_EQ(ParseRfc3339("2026-11-24T05:15:00-05:00"), At(1'795'515'300));
  EXPECT_EQ(ParseRfc3339("2026-11-24T10:15:00-00:00"), At(1'795'515'300));
  EXPECT_EQ(ParseRfc3339("2026-11-24T10:15:00+00:00"), At(1'795'515'300));
  EXPECT_EQ(FormatRfc3339(*ParseRfc3339("2024-02-29T23:30:00-01:00")), "2024-03-01T00:30:00Z");
  EXPECT_EQ(FormatRfc3339(*ParseRfc3339("2025-01-01T00:30:00.25+01:00")),
            "2024-12-31T23:30:00.250000Z");
  EXPECT_EQ(FormatRfc3339(*ParseRfc3339("2026-01-01T08:00:00+23:59")), "2025-12-31T08:01:00Z");
}

TEST(Rfc3339, RoundTrips) {
  const Timestamp kTimes[] = {
      Timestamp{0},       Timestamp{-1},        Timestamp{1},
      At(1'795'515'300),  At(1'795'515'300, 7), At(951'868'799, 999'999),
      At(-2'208'988'800), At(253'402'300'799),  At(-62'167'219'200),
  };
  for (const Timestamp t : kTimes) {
    EXPECT_EQ(ParseRfc3339(FormatRfc3339(t)), t) << FormatRfc3339(t);
  }
}

TEST(Rfc3339, RejectsMalformed) {
  const char* const kMalformed[] = {
      "",
      "2026-11-24",
      "2026-11-24T10:15:00",
      "2026-11-24 10:15:00Z",
      "2026-11-24t10:15:00Z",
      "2026-11-24T10:15:00z",
      "2026-11-24T10:15Z",
      "2026-11-24T10:15:00.Z",
      "2026-11-24T10:15:00.1234567Z",
      "2026-11-24T10:15:00,5Z",
      "2026-11-24T24:00:00Z",
      "2026-11-24T10:60:00Z",
      "2026-11-24T10:15:60Z",
      "2026-11-24T1:15:00Z",
      "2026-02-29T10:15:00Z",
      "2026-11-31T10:15:00Z",
      "2026-11-24T10:15:00+0100",
      "2026-11-24T10:15:00+01",
      "2026-11-24T10:15:00+24:00",
      "2026-11-24T10:15:00+01:60",
      "2026-11-24T10:15:00 +01:00",
      "2026-11-24T10:15:00Z ",
      " 2026-11-24T10:15:00Z",
      "2026-11-24T10:15:00ZZ",
      "2026-11-24T10:15:00+01:00Z",
      "2026-11-24T10:15:00UTC",
      "2026-11-24T-1:15:00Z",
  };
  for (const char* text : kMalformed) {
    EXPECT_EQ(ParseRfc3339(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(Clock, ManualClockIsSetAndAdvanced) {
  ManualClock clock(At(1'795'515'300));
  const Clock& as_clock = clock;
  EXPECT_EQ(as_clock.Now(), At(1'795'515'300));
  clock.AdvanceSeconds(90);
  EXPECT_EQ(FormatRfc3339(as_clock.Now()), "2026-11-24T10:16:30Z");
  clock.AdvanceSeconds(-3600);
  EXPECT_EQ(FormatRfc3339(as_clock.Now()), "2026-11-24T09:16:30Z");
  clock.Set(Timestamp{0});
  EXPECT_EQ(as_clock.Now(), Timestamp{0});
}

TEST(Clock, SystemClockReadsTheSystemTime) {
  const auto micros_now = [] {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  const SystemClock clock;
  const int64_t before = micros_now();
  const Timestamp now = clock.Now();
  const int64_t after = micros_now();
  EXPECT_LE(before, now.micros);
  EXPECT_LE(now.micros, after);
}

}  // namespace
}  // namespace ordo
