#include "pricing/price_resolution.h"

namespace ordo::pricing {

Result<PriceDecision> ResolvePrice(const PriceInputs& in) {
  if (in.manual_price) {
    std::vector<FieldError> errors;
    if (in.manual_price->is_negative()) {
      errors.push_back({"unit_price", "out_of_range", "a unit price cannot be negative"});
    }
    if (in.override_reason.empty()) {
      errors.push_back({"override_reason", "required", "a manual price needs a reason"});
    }
    if (!errors.empty()) return Status::InvalidArgument("invalid price", std::move(errors));
    return PriceDecision{*in.manual_price, "manual"};
  }
  if (in.tier && in.tier->discount_bp > 0) {
    Money price = in.list_price.MulRatio(10'000 - in.tier->discount_bp, 10'000);
    return PriceDecision{price, "tier:" + in.tier->code};
  }
  return PriceDecision{in.list_price, "list"};
}

Money ExtendedAmount(Money unit_price, int64_t quantity, const Currency& currency) {
  return (unit_price * quantity).Round(currency);
}

}  // namespace ordo::pricing
