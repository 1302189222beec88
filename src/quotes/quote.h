// A quote: an offer of priced lines to a customer, valid until its expiry date, revised in
// numbered versions (each keeps its lines and totals as they were priced), and accepted into
// one order or cancelled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/money.h"
#include "core/status.h"
#include "core/text_limits.h"

namespace ordo::quotes {

// Stored: open, accepted, cancelled. Shown: an open quote past its expiry date is expired.
enum class QuoteStatus { kOpen, kAccepted, kCancelled, kExpired };

std::string_view StatusName(QuoteStatus s);
std::optional<QuoteStatus> StatusFromName(std::string_view name);

// A quote is valid for this many days after the day it is made, unless it says otherwise, and
// for at most kMaxValidDays.
inline constexpr int kDefaultValidDays = 30;
inline constexpr int kMaxValidDays = 366;
inline constexpr TextLimit kNotes{2000, /*multiline=*/true};
inline constexpr TextLimit kCancelReason{500};

// One priced line of a version: what order placement would have made of it that day.
struct QuoteLine {
  int line_no = 0;
  int64_t item_id = 0;
  std::string sku;
  int64_t entered_quantity = 0;
  std::string entered_uom;
  int64_t quantity = 0;  // base units
  Money unit_price;
  std::string price_source;
  std::string price_explanation;
  std::optional<std::string> override_reason;  // a manual price's reason
  Money extended_amount;
  int64_t tax_rate_ppm = 0;
  Money tax_amount;
  Money unit_cost;  // staff only
  std::optional<std::string> customer_part_number;
  // A configured line's {"configurator", "answers", "description"} as an order line's.
  std::optional<std::string> configuration;
};

struct QuoteVersion {
  int64_t id = 0;
  int version = 0;  // 1, 2, ...
  Date priced_on;
  Money subtotal;
  Money tax;
  std::optional<std::string> tax_exemption;
  std::string notes;
  std::string created_by;
  Timestamp created_at;
  std::vector<QuoteLine> lines;

  Money total() const { return subtotal + tax; }
};

struct Quote {
  int64_t id = 0;
  std::string number;  // "Q-000001"
  int64_t customer_id = 0;
  std::string customer_code;
  int64_t ship_to_id = 0;
  std::string ship_to_code;
  QuoteStatus status = QuoteStatus::kOpen;  // as stored: never kExpired
  Date expires_on;
  int current_version = 1;
  std::string currency = "USD";
  std::string created_by;
  Timestamp created_at;
  Timestamp updated_at;
  std::optional<int64_t> order_id;
  std::optional<std::string> order_number;
  std::optional<Timestamp> accepted_at;
  std::optional<std::string> cancel_reason;
};

// The status shown on `today`: an open quote whose expiry date is before today is expired (it
// is valid through its expiry date).
QuoteStatus ShownStatus(const Quote& q, Date today);

// The expiry date of a quote made or revised on `today`: `given` (YYYY-MM-DD, on or after today
// and at most kMaxValidDays later), or else `keep` when it is still valid, or else today +
// kDefaultValidDays. Errors: invalid_argument at "expires_on" (invalid_date, out_of_range).
Result<Date> ExpiryFor(const std::optional<std::string>& given, std::optional<Date> keep,
                       Date today);

// Whether `q` may be accepted on `today`: invalid_state when accepted or cancelled; when it
// expired, invalid_state with one field error at "expires_on" coded "quote_expired"
// (IsExpiredProblem), which the API answers as its own code.
Status CheckAcceptable(const Quote& q, Date today);
bool IsExpiredProblem(const Status& st);

// Whether `q` may be revised or cancelled: only while open (an expired quote may be revised,
// which gives it a new expiry, or cancelled). invalid_state otherwise.
Status CheckOpen(const Quote& q, std::string_view action);

}  // namespace ordo::quotes
