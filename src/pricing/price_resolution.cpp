#include "pricing/price_resolution.h"

namespace ordo::pricing {
namespace {

bool Covers(const RuleScope& scope, const PriceInputs& in) {
  if (scope.item) return *scope.item == in.item;
  return !scope.product_line.empty() && scope.product_line == in.product_line;
}

bool Within(Date date, Date from, std::optional<Date> to) {
  return from <= date && (!to || date <= *to);
}

// "at 4.10", "-10%", "-0.50": what an adjustment does, as the explanations say it.
std::string AdjustmentText(const Adjustment& a) {
  switch (a.kind) {
    case Adjustment::Kind::kFixedPrice:
      return "at " + a.amount.Format(2);
    case Adjustment::Kind::kPercentOff:
      return "-" + PercentText(a.percent_bp) + "%";
    case Adjustment::Kind::kAmountOff:
      return "-" + a.amount.Format(2);
  }
  return "";
}

// A candidate price: kept only when strictly lower than the best so far, so earlier
// candidates win ties (the order of the resolution rules).
struct Best {
  std::optional<PriceDecision> decision;
  void Offer(Money price, std::string source, std::string explanation) {
    if (decision && !(price < decision->unit_price)) return;
    decision = PriceDecision{price, std::move(source), std::move(explanation)};
  }
};

PriceDecision Reference(const PriceInputs& in) {
  if (const auto& pl = in.price_list; pl && pl->unit_price && pl->currency == in.currency &&
                                      Within(in.date, pl->valid_from, pl->valid_to)) {
    return {*pl->unit_price, "price_list:" + pl->code,
            "price list " + pl->code + " at " + pl->unit_price->Format(2)};
  }
  return {in.list_price, "list", "list price " + in.list_price.Format(2)};
}

// Rule 3a: the contract term that decides, if any.
std::optional<PriceDecision> ContractPrice(const PriceInputs& in, Money reference) {
  const ContractTerm* best = nullptr;
  Money best_price;
  for (const auto& term : in.contracts) {
    if (!Covers(term.scope, in) || !Within(in.date, term.start, term.end)) continue;
    Money price = term.adjustment.Apply(reference);
    if (best) {
      bool more_specific = term.scope.item && !best->scope.item;
      bool less_specific = !term.scope.item && best->scope.item;
      if (less_specific) continue;
      if (!more_specific &&
          (price > best_price || (price == best_price && term.code >= best->code))) {
        continue;
      }
    }
    best = &term;
    best_price = price;
  }
  if (!best) return std::nullopt;
  std::string how = best->adjustment.kind == Adjustment::Kind::kFixedPrice
                        ? ""
                        : " " + AdjustmentText(best->adjustment);
  std::string what = best->scope.item ? "" : " (line " + best->scope.product_line + ")";
  return PriceDecision{best_price, "contract:" + best->code,
                       "contract " + best->code + how + what + " until " + FormatDate(best->end)};
}

// Rule 3: the best non-promotional price.
PriceDecision BestNonPromotional(const PriceInputs& in, const PriceDecision& reference) {
  if (auto contract = ContractPrice(in, reference.unit_price)) return *contract;
  Best best;
  best.Offer(reference.unit_price, reference.source, reference.explanation);
  if (in.tier && in.tier->discount_bp > 0) {
    best.Offer(reference.unit_price.MulRatio(10'000 - in.tier->discount_bp, 10'000),
               "tier:" + in.tier->code,
               "tier " + in.tier->code + " -" + PercentText(in.tier->discount_bp) + "%");
  }
  if (const auto& pl = in.price_list;
      pl && pl->currency == in.currency && Within(in.date, pl->valid_from, pl->valid_to)) {
    for (const auto& b : pl->breaks) {
      if (!Covers(b.scope, in) || in.quantity < b.min_quantity) continue;
      std::string what = b.scope.item ? "" : " (line " + b.scope.product_line + ")";
      best.Offer(
          b.adjustment.Apply(reference.unit_price), "break:" + pl->code,
          "break " + std::to_string(b.min_quantity) + "+ " + AdjustmentText(b.adjustment) + what);
    }
  }
  return *best.decision;
}

bool Applies(const Promotion& p, const PriceInputs& in) {
  if (!(p.start <= in.date && in.date <= p.end)) return false;
  if (!p.item && p.product_line.empty() && p.customer_group.empty()) return false;
  if (p.item && *p.item != in.item) return false;
  if (!p.product_line.empty() && p.product_line != in.product_line) return false;
  if (!p.customer_group.empty() && p.customer_group != in.customer_group) return false;
  return true;
}

}  // namespace

Money Adjustment::Apply(Money from) const {
  switch (kind) {
    case Kind::kFixedPrice:
      return amount;
    case Kind::kPercentOff:
      return from.MulRatio(10'000 - percent_bp, 10'000);
    case Kind::kAmountOff:
      return amount < from ? from - amount : Money();
  }
  return from;
}

std::string PercentText(int bp) {
  return Money::FromUnits(int64_t{bp} * 100).Format(0);
}

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
    PriceInputs by_rules = in;
    by_rules.manual_price.reset();
    const PriceDecision rules = *ResolvePrice(by_rules);
    // Not the reason: it is staff text (the line's override_reason, which the portal never
    // sees), while the explanation is shown to customers too.
    return PriceDecision{*in.manual_price, "manual", "manual price", rules.unit_price,
                         rules.explanation};
  }
  const PriceDecision reference = Reference(in);
  const PriceDecision base = BestNonPromotional(in, reference);
  Best best;
  best.Offer(base.unit_price, base.source, base.explanation);
  const Promotion* chosen = nullptr;
  for (const auto& p : in.promotions) {
    if (!Applies(p, in)) continue;
    Money price = p.adjustment.Apply(p.exclusive ? reference.unit_price : base.unit_price);
    bool lower = price < best.decision->unit_price;
    bool tie_lower_code = chosen && price == best.decision->unit_price && p.code < chosen->code;
    if (!lower && !tie_lower_code) continue;
    chosen = &p;
    std::string said = "promotion " + p.code + " " + AdjustmentText(p.adjustment);
    std::string explanation = p.exclusive ? said + " off " + reference.explanation
                              : base.source == reference.source && base.source == "list"
                                  ? said
                                  : base.explanation + ", then " + said;
    best.decision = PriceDecision{price, "promotion:" + p.code, std::move(explanation)};
  }
  PriceDecision decided = *best.decision;
  decided.rule_price = decided.unit_price;
  decided.rule_explanation = decided.explanation;
  return decided;
}

Money ExtendedAmount(Money unit_price, int64_t quantity, const Currency& currency) {
  return (unit_price * quantity).Round(currency);
}

}  // namespace ordo::pricing
