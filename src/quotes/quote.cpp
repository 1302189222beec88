#include "quotes/quote.h"

namespace ordo::quotes {

std::string_view StatusName(QuoteStatus s) {
  switch (s) {
    case QuoteStatus::kOpen:
      return "open";
    case QuoteStatus::kAccepted:
      return "accepted";
    case QuoteStatus::kCancelled:
      return "cancelled";
    case QuoteStatus::kExpired:
      return "expired";
  }
  return "open";
}

std::optional<QuoteStatus> StatusFromName(std::string_view name) {
  for (auto s : {QuoteStatus::kOpen, QuoteStatus::kAccepted, QuoteStatus::kCancelled,
                 QuoteStatus::kExpired}) {
    if (StatusName(s) == name) return s;
  }
  return std::nullopt;
}

QuoteStatus ShownStatus(const Quote& q, Date today) {
  if (q.status == QuoteStatus::kOpen && q.expires_on < today) return QuoteStatus::kExpired;
  return q.status;
}

Result<Date> ExpiryFor(const std::optional<std::string>& given, std::optional<Date> keep,
                       Date today) {
  if (!given) {
    if (keep && *keep >= today) return *keep;
    return Date{today.days + kDefaultValidDays};
  }
  auto date = ParseDate(*given);
  if (!date) {
    return Status::InvalidArgument(
        "invalid expiry", {{"expires_on", "invalid_date", "a date is written YYYY-MM-DD"}});
  }
  if (*date < today) {
    return Status::InvalidArgument("invalid expiry",
                                   {{"expires_on", "out_of_range",
                                     "a quote cannot expire before today, " + FormatDate(today)}});
  }
  if (date->days - today.days > kMaxValidDays) {
    return Status::InvalidArgument(
        "invalid expiry",
        {{"expires_on", "out_of_range",
          "a quote is valid for at most " + std::to_string(kMaxValidDays) + " days"}});
  }
  return *date;
}

Status CheckAcceptable(const Quote& q, Date today) {
  switch (ShownStatus(q, today)) {
    case QuoteStatus::kOpen:
      return Status::Ok();
    case QuoteStatus::kExpired:
      return Status(ErrorCode::kInvalidState,
                    "quote " + q.number + " expired on " + FormatDate(q.expires_on),
                    {{"expires_on", "quote_expired",
                      "the quote was valid through " + FormatDate(q.expires_on)}});
    case QuoteStatus::kAccepted:
      return Status::InvalidState("quote " + q.number + " is already accepted into order " +
                                  q.order_number.value_or(""));
    case QuoteStatus::kCancelled:
      return Status::InvalidState("quote " + q.number + " is cancelled");
  }
  return Status::Ok();
}

bool IsExpiredProblem(const Status& st) {
  return st.code() == ErrorCode::kInvalidState && st.errors().size() == 1 &&
         st.errors().front().code == "quote_expired";
}

Status CheckOpen(const Quote& q, std::string_view action) {
  if (q.status == QuoteStatus::kOpen) return Status::Ok();
  return Status::InvalidState("quote " + q.number + " is " + std::string(StatusName(q.status)) +
                              " and cannot be " + std::string(action));
}

}  // namespace ordo::quotes
