// Creating and changing approval rules: validated, audited ("approval_rule.create",
// "approval_rule.update") and published ("approval_rule.saved"). A change takes effect for
// the orders placed after it (the reference version bumps, migration 0020).
#pragma once

#include <optional>
#include <string>

#include "approvals/approval_rule.h"
#include "core/command_context.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::approvals {

// A new rule as a request gives it. `threshold` is a decimal text: a percentage from 0 to 100
// with at most two decimals for discount_over and margin_under, an amount of at most four
// decimals for order_total_over; the other kinds take none. `hold_kind` defaults to the kind's
// (DefaultHoldKind).
struct NewRule {
  std::string code;
  std::string name;
  std::string kind;
  std::optional<std::string> threshold;
  std::optional<std::string> hold_kind;
  bool active = true;
};

// Errors: invalid_argument with every bad field (code, name, kind, threshold, hold_kind);
// conflict "duplicate" at code when the code is taken.
Result<ApprovalRule> CreateRule(store::Connection& conn, const CommandContext& ctx,
                                const NewRule& in);

// The changeable fields; an absent one stays.
struct RulePatch {
  std::optional<std::string> name;
  std::optional<std::string> threshold;
  std::optional<std::string> hold_kind;
  std::optional<bool> active;
};

// Errors: not_found, invalid_argument (every bad field), precondition_failed (the rule is no
// longer at `expected_version`).
Result<ApprovalRule> ChangeRule(store::Connection& conn, const CommandContext& ctx,
                                std::string_view code, const RulePatch& patch,
                                std::optional<int64_t> expected_version);

}  // namespace ordo::approvals
