// A quote's shown status, its expiry date and whether it may be accepted, revised or cancelled.
#include "quotes/quote.h"

#include <gtest/gtest.h>

namespace ordo::quotes {
namespace {

const Date kToday = DateFromCivil(2026, 3, 10);

Quote With(QuoteStatus status, Date expires_on) {
  Quote q;
  q.number = "Q-000007";
  q.status = status;
  q.expires_on = expires_on;
  q.order_number =
      status == QuoteStatus::kAccepted ? std::optional<std::string>("SO-000003") : std::nullopt;
  return q;
}

TEST(QuoteTest, StatusAsShown) {
  struct Case {
    QuoteStatus stored;
    int expires_in_days;  // from today
    QuoteStatus shown;
    const char* accept_code;  // "" when it may be accepted
  } cases[] = {
      {QuoteStatus::kOpen, 5, QuoteStatus::kOpen, ""},
      {QuoteStatus::kOpen, 0, QuoteStatus::kOpen, ""},  // valid through its expiry date
      {QuoteStatus::kOpen, -1, QuoteStatus::kExpired, "quote_expired"},
      {QuoteStatus::kAccepted, -3, QuoteStatus::kAccepted, "invalid_state"},
      {QuoteStatus::kAccepted, 3, QuoteStatus::kAccepted, "invalid_state"},
      {QuoteStatus::kCancelled, -3, QuoteStatus::kCancelled, "invalid_state"},
      {QuoteStatus::kCancelled, 3, QuoteStatus::kCancelled, "invalid_state"},
  };
  for (const auto& c : cases) {
    Quote q = With(c.stored, Date{kToday.days + c.expires_in_days});
    SCOPED_TRACE(std::string(StatusName(c.stored)) + " " + std::to_string(c.expires_in_days));
    EXPECT_EQ(ShownStatus(q, kToday), c.shown);
    Status st = CheckAcceptable(q, kToday);
    if (std::string(c.accept_code).empty()) {
      EXPECT_TRUE(st.ok());
    } else {
      EXPECT_EQ(st.code(), ErrorCode::kInvalidState);
      EXPECT_EQ(IsExpiredProblem(st), std::string(c.accept_code) == "quote_expired");
    }
    // Open and expired quotes may be revised and cancelled; others not.
    EXPECT_EQ(CheckOpen(q, "revised").ok(), c.stored == QuoteStatus::kOpen);
  }
}

TEST(QuoteTest, ExpiryDates) {
  struct Case {
    std::optional<std::string> given;
    std::optional<int> keep;  // days from today
    std::optional<int> want;  // days from today; nullopt: refused
    const char* code;
  } cases[] = {
      {std::nullopt, std::nullopt, kDefaultValidDays, ""},
      {std::nullopt, 4, 4, ""},                   // still valid: kept
      {std::nullopt, 0, 0, ""},                   // valid through today
      {std::nullopt, -1, kDefaultValidDays, ""},  // expired: a new period
      {"2026-03-10", std::nullopt, 0, ""},        // today
      {"2026-04-30", 4, 51, ""},                  // given wins
      {"2026-03-09", std::nullopt, std::nullopt, "out_of_range"},
      {"2027-03-12", std::nullopt, std::nullopt, "out_of_range"},  // past kMaxValidDays
      {"2026-02-30", std::nullopt, std::nullopt, "invalid_date"},
      {"tomorrow", std::nullopt, std::nullopt, "invalid_date"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.given.value_or("-"));
    std::optional<Date> keep;
    if (c.keep) keep = Date{kToday.days + *c.keep};
    auto got = ExpiryFor(c.given, keep, kToday);
    if (c.want) {
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      EXPECT_EQ(got->days - kToday.days, *c.want);
    } else {
      ASSERT_FALSE(got.ok());
      ASSERT_EQ(got.status().errors().size(), 1u);
      EXPECT_EQ(got.status().errors()[0].field, "expires_on");
      EXPECT_EQ(got.status().errors()[0].code, c.code);
    }
  }
}

TEST(QuoteTest, StatusNames) {
  for (auto s : {QuoteStatus::kOpen, QuoteStatus::kAccepted, QuoteStatus::kCancelled,
                 QuoteStatus::kExpired}) {
    EXPECT_EQ(StatusFromName(StatusName(s)), s);
  }
  EXPECT_EQ(StatusFromName("draft"), std::nullopt);
}

}  // namespace
}  // namespace ordo::quotes
