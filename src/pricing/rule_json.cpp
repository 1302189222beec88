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

ContractTerm ReadContractTerm(store::RowReader& r) {
  ContractTerm t;
  t.code = r.Text();
  t.start = r.OptDate().value_or(Date{});
  t.end = r.OptDate().value_or(Date{});
  t.scope = ReadRuleScope(r);
  t.adjustment = ReadFixedOrPercent(r);
  return t;
}

Promotion ReadPromotion(store::RowReader& r) {
  Promotion p;
  p.code = r.Text();
  p.start = r.OptDate().value_or(Date{});
  p.end = r.OptDate().value_or(Date{});
  p.item = r.OptId<ItemId>();
  p.product_line = r.OptText().value_or("");
  p.customer_group = r.OptText().value_or("");
  std::optional<int64_t> bp = r.OptInt();
  std::optional<int64_t> amount = r.OptInt();
  p.adjustment = bp ? Adjustment::PercentOff(static_cast<int>(*bp))
                    : Adjustment::AmountOff(Money::FromUnits(amount.value_or(0)));
  p.exclusive = r.Text() == "exclusive";
  return p;
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
