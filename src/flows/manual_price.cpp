#include "flows/manual_price.h"

#include "core/field_path.h"
#include "core/text_check.h"

namespace ordo::flows {

std::optional<Money> CheckManualPrice(const std::optional<std::string>& unit_price,
                                      const std::string& override_reason, const std::string& at,
                                      std::vector<FieldError>& errors) {
  if (!unit_price) return std::nullopt;
  std::optional<Money> manual;
  auto price = Money::Parse(*unit_price);
  if (!price.ok()) {
    errors.push_back({FieldPath(at, "unit_price"), "invalid_price", "a price is a decimal number"});
  } else if (price->is_negative()) {
    errors.push_back(
        {FieldPath(at, "unit_price"), "out_of_range", "a unit price cannot be negative"});
  } else {
    manual = *price;
  }
  if (override_reason.empty()) {
    errors.push_back(
        {FieldPath(at, "override_reason"), "required", "a manual price needs a reason"});
  } else if (auto problem = CheckText(override_reason, text_limits::kOverrideReason,
                                      FieldPath(at, "override_reason"))) {
    errors.push_back(std::move(*problem));
  }
  return manual;
}

}  // namespace ordo::flows
