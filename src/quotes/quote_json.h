// The quote's JSON (the API's Quote and QuoteVersion documents).
#pragma once

#include <string>
#include <vector>

#include "quotes/quote.h"

namespace ordo::quotes {

// The quote with `shown` (its current version, or any version for /versions/{n}: `version` is
// the shown one, `current_version` the latest) and the list
// of its versions (number, day priced, total, who, when). Its status is as shown on `today`.
// `staff`: with each line's unit_cost and a manual price's override_reason; a portal user's
// answer has neither, as on an order.
std::string QuoteJson(const Quote& q, const QuoteVersion& shown,
                      const std::vector<QuoteVersion>& versions, Date today, bool staff);

// One row of the quote list.
std::string QuoteSummaryJson(const Quote& q, Money total, Date today);

}  // namespace ordo::quotes
