#include "approvals/rule_commands.h"

#include "approvals/rule_repository.h"
#include "audit/audit_log.h"
#include "core/money.h"
#include "core/text_check.h"
#include "core/text_limits.h"
#include "core/version_check.h"
#include "events/outbox.h"

namespace ordo::approvals {
namespace {

// The threshold of a rule of `kind` from its text, reported at "threshold".
std::optional<int64_t> ReadThreshold(RuleKind kind, const std::optional<std::string>& text,
                                     std::vector<FieldError>& errors) {
  ThresholdUnit unit = UnitOf(kind);
  if (unit == ThresholdUnit::kNone) {
    if (text) {
      errors.push_back({"threshold", "not_allowed",
                        "a " + std::string(RuleKindName(kind)) + " rule has no threshold"});
    }
    return std::nullopt;
  }
  if (!text) {
    errors.push_back({"threshold", "required",
                      "a " + std::string(RuleKindName(kind)) + " rule needs a threshold"});
    return std::nullopt;
  }
  auto value = Money::Parse(*text);
  if (unit == ThresholdUnit::kPercent) {
    // Two decimals of a percentage are whole basis points: 1/100 of Money's units.
    constexpr int64_t kHundredPercent = 100 * Money::kScale;
    if (!value.ok() || value->is_negative() || value->units() % 100 != 0 ||
        value->units() > kHundredPercent) {
      errors.push_back({"threshold", "out_of_range",
                        "a threshold is a percentage from 0 to 100 with at most two decimals"});
      return std::nullopt;
    }
    return value->units() / 100;
  }
  if (!value.ok() || value->is_negative() || *value > Money::FromWhole(1'000'000'000'000)) {
    errors.push_back(
        {"threshold", "out_of_range", "a threshold is an amount from 0 to 1000000000000"});
    return std::nullopt;
  }
  return value->units();
}

void CheckHoldKind(const std::string& kind, std::vector<FieldError>& errors) {
  if (!IsHoldKind(kind)) {
    errors.push_back(
        {"hold_kind", "invalid_value", "hold_kind is one of " + std::string(kHoldKindChoices)});
  }
}

void Publish(store::Connection& conn, const CommandContext& ctx, const ApprovalRule& r) {
  events::Publish(conn, ctx, "approval_rule.saved", "approval_rule", r.id,
                  {{"code", r.code}, {"active", r.active}, {"version", r.version}});
}

}  // namespace

Result<ApprovalRule> CreateRule(store::Connection& conn, const CommandContext& ctx,
                                const NewRule& in) {
  std::vector<FieldError> errors;
  if (in.code.empty()) {
    errors.push_back({"code", "required", "a rule code of 1 to 32 characters is required"});
  } else {
    CheckText(in.code, text_limits::kApprovalRuleCode, "code", errors);
  }
  if (in.name.empty()) {
    errors.push_back({"name", "required", "a rule needs a name"});
  } else {
    CheckText(in.name, text_limits::kApprovalRuleName, "name", errors);
  }
  ApprovalRule rule;
  auto kind = RuleKindFromName(in.kind);
  if (!kind) {
    errors.push_back({"kind", "invalid_value", "kind is one of " + std::string(kRuleKindChoices)});
  } else {
    rule.kind = *kind;
    rule.threshold = ReadThreshold(*kind, in.threshold, errors);
    rule.hold_kind = in.hold_kind.value_or(std::string(DefaultHoldKind(*kind)));
  }
  if (in.hold_kind) CheckHoldKind(*in.hold_kind, errors);
  if (!errors.empty()) return Status::InvalidArgument("invalid approval rule", std::move(errors));
  if (FindRule(conn, in.code)) {
    return Status(ErrorCode::kConflict, "a rule with code " + in.code + " exists",
                  {{"code", "duplicate", "rule code " + in.code + " is taken"}});
  }
  rule.code = in.code;
  rule.name = in.name;
  rule.active = in.active;
  rule.created_at = ctx.now;
  rule.updated_at = ctx.now;
  rule.id = InsertRule(conn, rule);
  audit::Record(conn, ctx, "approval_rule.create", "approval_rule", rule.id, nullptr, ToJson(rule));
  Publish(conn, ctx, rule);
  return rule;
}

Result<ApprovalRule> ChangeRule(store::Connection& conn, const CommandContext& ctx,
                                std::string_view code, const RulePatch& patch,
                                std::optional<int64_t> expected_version) {
  auto found = FindRule(conn, code);
  if (!found) return Status::NotFound("no approval rule " + std::string(code));
  if (Status st = CheckVersion(expected_version, found->version, "approval rule", found->code);
      !st.ok()) {
    return st;
  }
  std::vector<FieldError> errors;
  ApprovalRule rule = *found;
  if (patch.name) {
    if (patch.name->empty()) {
      errors.push_back({"name", "required", "a rule needs a name"});
    } else {
      CheckText(*patch.name, text_limits::kApprovalRuleName, "name", errors);
    }
    rule.name = *patch.name;
  }
  if (patch.threshold) rule.threshold = ReadThreshold(rule.kind, patch.threshold, errors);
  if (patch.hold_kind) {
    CheckHoldKind(*patch.hold_kind, errors);
    rule.hold_kind = *patch.hold_kind;
  }
  if (patch.active) rule.active = *patch.active;
  if (!errors.empty()) {
    return Status::InvalidArgument("invalid approval rule change", std::move(errors));
  }
  rule.updated_at = ctx.now;
  if (!UpdateRule(conn, rule)) {
    return Status(ErrorCode::kPreconditionFailed, "approval rule " + rule.code + " changed");
  }
  rule.version++;
  audit::Record(conn, ctx, "approval_rule.update", "approval_rule", rule.id, ToJson(*found),
                ToJson(rule));
  Publish(conn, ctx, rule);
  return rule;
}

}  // namespace ordo::approvals
