// A line's manual unit price and its reason, checked one way wherever a line may carry them:
// order placement (POST /api/v1/orders, quotes) and the price quote (POST /api/v1/pricing/quote),
// so that the desk's live preview refuses exactly what placing would refuse.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"

namespace ordo::flows {

// The manual price of the line at `at` ("lines/<i>"): nullopt when `unit_price` is absent or
// bad. Problems go to `errors`: "<at>/unit_price" invalid_price (not a decimal) or out_of_range
// (negative); "<at>/override_reason" required (a price without a reason) or the text checks'
// codes (core/text_check.h, text_limits::kOverrideReason).
std::optional<Money> CheckManualPrice(const std::optional<std::string>& unit_price,
                                      const std::string& override_reason, const std::string& at,
                                      std::vector<FieldError>& errors);

}  // namespace ordo::flows
