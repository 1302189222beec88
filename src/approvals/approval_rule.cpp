#include "approvals/approval_rule.h"

#include <array>
#include <utility>

#include "core/money.h"

namespace ordo::approvals {
namespace {

constexpr std::array<std::pair<RuleKind, std::string_view>, 6> kKinds = {{
    {RuleKind::kDiscountOver, "discount_over"},
    {RuleKind::kMarginUnder, "margin_under"},
    {RuleKind::kOrderTotalOver, "order_total_over"},
    {RuleKind::kFirstOrder, "first_order"},
    {RuleKind::kBelowFloor, "below_floor"},
    {RuleKind::kCreditLimit, "credit_limit"},
}};

}  // namespace

std::string_view RuleKindName(RuleKind kind) {
  for (const auto& [k, name] : kKinds) {
    if (k == kind) return name;
  }
  return "";
}

std::optional<RuleKind> RuleKindFromName(std::string_view name) {
  for (const auto& [k, n] : kKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

ThresholdUnit UnitOf(RuleKind kind) {
  switch (kind) {
    case RuleKind::kDiscountOver:
    case RuleKind::kMarginUnder:
      return ThresholdUnit::kPercent;
    case RuleKind::kOrderTotalOver:
      return ThresholdUnit::kAmount;
    default:
      return ThresholdUnit::kNone;
  }
}

bool IsHoldKind(std::string_view kind) {
  return kind == "approval" || kind == "pricing" || kind == "credit";
}

std::string_view DefaultHoldKind(RuleKind kind) {
  switch (kind) {
    case RuleKind::kBelowFloor:
      return "pricing";
    case RuleKind::kCreditLimit:
      return "credit";
    default:
      return "approval";
  }
}

nlohmann::json ThresholdJson(RuleKind kind, std::optional<int64_t> threshold) {
  if (!threshold) return nullptr;
  switch (UnitOf(kind)) {
    case ThresholdUnit::kPercent:  // basis points are 1/100 of Money's units of a percent
      return Money::FromUnits(*threshold * 100).Format(2);
    case ThresholdUnit::kAmount:
      return Money::FromUnits(*threshold).Format(2);
    case ThresholdUnit::kNone:
      break;
  }
  return nullptr;
}

nlohmann::json ToJson(const ApprovalRule& r) {
  return {{"id", r.id},
          {"code", r.code},
          {"name", r.name},
          {"kind", RuleKindName(r.kind)},
          {"threshold", ThresholdJson(r.kind, r.threshold)},
          {"hold_kind", r.hold_kind},
          {"active", r.active},
          {"version", r.version},
          {"created_at", FormatRfc3339(r.created_at)},
          {"updated_at", FormatRfc3339(r.updated_at)}};
}

}  // namespace ordo::approvals
