#include "pricing/rule_checks.h"

#include "core/field_path.h"

namespace ordo::pricing {
namespace {

bool IsCodeChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

bool IsCode(const std::string& code) {
  if (code.empty() || code.size() > kMaxRuleCode) return false;
  for (char c : code) {
    if (!IsCodeChar(c)) return false;
  }
  return true;
}

}  // namespace

void CheckRuleCode(const std::string& code, const std::string& field,
                   std::vector<FieldError>& errors) {
  if (!IsCode(code)) {
    errors.push_back({field, "invalid_code", "a code is 1 to 32 letters, digits, '-', '_' or '.'"});
  }
}

void CheckGroupCode(const std::string& code, const std::string& field,
                    std::vector<FieldError>& errors) {
  CheckRuleCode(code, field, errors);
}

void CheckDateOrder(Date from, std::optional<Date> to, const std::string& to_field,
                    std::vector<FieldError>& errors) {
  if (to && *to < from) {
    errors.push_back({to_field, "out_of_range", "the last day cannot be before the first"});
  }
}

void CheckAdjustment(const Adjustment& a, const std::string& at, std::vector<FieldError>& errors) {
  switch (a.kind) {
    case Adjustment::Kind::kFixedPrice:
      if (a.amount.is_negative()) {
        errors.push_back(
            {FieldPath(at, "unit_price"), "out_of_range", "a price cannot be negative"});
      }
      break;
    case Adjustment::Kind::kAmountOff:
      if (a.amount.is_negative()) {
        errors.push_back(
            {FieldPath(at, "amount_off"), "out_of_range", "an amount off cannot be negative"});
      }
      break;
    case Adjustment::Kind::kPercentOff:
      if (a.percent_bp < 0 || a.percent_bp > 10'000) {
        errors.push_back({FieldPath(at, "discount_percent"), "out_of_range",
                          "a discount is a percentage from 0 to 100"});
      }
      break;
  }
}

void CheckScope(bool has_item, bool has_line, const std::string& at,
                std::vector<FieldError>& errors) {
  if (!has_item && !has_line) {
    errors.push_back(
        {FieldPath(at, "sku"), "required", "a rule is for an item (sku) or a product_line"});
  } else if (has_item && has_line) {
    errors.push_back({FieldPath(at, "product_line"), "conflict",
                      "a rule is for an item or a product line, not both"});
  }
}

std::optional<int> ParsePercent(std::string_view text) {
  auto percent = Money::Parse(text);
  constexpr int64_t kHundredPercent = 100 * 10'000;  // in Money's units
  if (!percent.ok() || percent->is_negative() || percent->units() % 100 != 0 ||
      percent->units() > kHundredPercent) {
    return std::nullopt;
  }
  return static_cast<int>(percent->units() / 100);
}

}  // namespace ordo::pricing
