#include "pricing/rule_json.h"

namespace ordo::pricing {

RuleScope ReadRuleScope(store::RowReader& r) {
  RuleScope scope;
  scope.item = r.OptId<ItemId>();
  scope.product_line = r.OptText().value_or("");
  return scope;
}

Adjustment ReadFixedOrPercent(store::RowReader& r) {
  std::optional<int64_t> price = r.OptInt();
  std::optional<int64_t> bp = r.OptInt();
  if (price) return Adjustment::Fixed(Money::FromUnits(*price));
  return Adjustment::PercentOff(static_cast<int>(bp.value_or(0)));
}

std::optional<std::string> OptCode(const std::string& code) {
  if (code.empty()) return std::nullopt;
  return code;
}

std::optional<Money> FixedPriceOf(const Adjustment& a) {
  if (a.kind != Adjustment::Kind::kFixedPrice) return std::nullopt;
  return a.amount;
}

std::optional<int64_t> PercentOf(const Adjustment& a) {
  if (a.kind != Adjustment::Kind::kPercentOff) return std::nullopt;
  return a.percent_bp;
}

std::optional<Money> AmountOffOf(const Adjustment& a) {
  if (a.kind != Adjustment::Kind::kAmountOff) return std::nullopt;
  return a.amount;
}

nlohmann::json RuleScopeJson(const RuleScope& s) {
  if (s.item) return {{"item_id", s.item->value()}};
  return {{"product_line", s.product_line}};
}

void AddAdjustmentJson(nlohmann::json& j, const Adjustment& a) {
  switch (a.kind) {
    case Adjustment::Kind::kFixedPrice:
      j["unit_price"] = a.amount.Format(4);
      break;
    case Adjustment::Kind::kPercentOff:
      j["discount_percent"] = Money::FromUnits(int64_t{a.percent_bp} * 100).Format(2);
      break;
    case Adjustment::Kind::kAmountOff:
      j["amount_off"] = a.amount.Format(4);
      break;
  }
}

}  // namespace ordo::pricing
