// Reads and writes of `approval_rules`. Commands (rule_commands.h) validate and audit; order
// placement reads the active rules once per order with ListActiveRules.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "approvals/approval_rule.h"
#include "store/database.h"

namespace ordo::approvals {

// The active rules by id: one query on a table of a few rows.
std::vector<ApprovalRule> ListActiveRules(store::Connection& conn);
// Every rule, by code.
std::vector<ApprovalRule> ListRules(store::Connection& conn);
std::optional<ApprovalRule> FindRule(store::Connection& conn, std::string_view code);

// Inserts `rule` (code, name, kind, threshold, hold kind, active, times) and returns its id.
int64_t InsertRule(store::Connection& conn, const ApprovalRule& rule);
// Writes the rule's changeable fields and bumps its version when it is still at
// `rule.version`; false when another change came first.
bool UpdateRule(store::Connection& conn, const ApprovalRule& rule);

}  // namespace ordo::approvals
