// Price resolution: the unit price of an order line and the reason for it. Pure logic.
//
// Today's sources, in order of precedence: a manual override (which needs a reason), the
// customer's price tier (a discount off list), the item's list price. `source` names the one
// that decided: "manual", "tier:<code>" or "list".
#pragma once

#include <optional>
#include <string>

#include "core/money.h"
#include "core/status.h"

namespace ordo::pricing {

struct TierDiscount {
  std::string code;
  int discount_bp = 0;  // basis points off list, 0..10000
};

struct PriceInputs {
  Money list_price;
  std::optional<TierDiscount> tier;
  std::optional<Money> manual_price;
  std::string override_reason;
};

struct PriceDecision {
  Money unit_price;  // four decimals at most
  std::string source;
};

// Errors (invalid_argument, field errors relative to the line): a manual price without a
// reason ("override_reason"/"required"), a negative manual price ("unit_price"/"out_of_range").
Result<PriceDecision> ResolvePrice(const PriceInputs& in);

// unit_price * quantity rounded half-even to the currency's minor unit.
// Throws OverflowError when it does not fit.
Money ExtendedAmount(Money unit_price, int64_t quantity, const Currency& currency);

}  // namespace ordo::pricing
