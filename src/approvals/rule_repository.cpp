#include "approvals/rule_repository.h"

#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::approvals {
namespace {

constexpr const char* kColumns =
    "SELECT id, code, name, kind, threshold, hold_kind, active, version, created_at, updated_at "
    "FROM approval_rules ";

ApprovalRule ReadRule(store::RowReader& r) {
  ApprovalRule rule;
  rule.id = r.Int();
  rule.code = r.Text();
  rule.name = r.Text();
  // The CHECK of migration 0020 keeps the kind one of the names.
  rule.kind = RuleKindFromName(r.Text()).value_or(RuleKind::kOrderTotalOver);
  rule.threshold = r.OptInt();
  rule.hold_kind = r.Text();
  rule.active = r.Bool();
  rule.version = r.Int();
  rule.created_at = r.Time();
  rule.updated_at = r.Time();
  return rule;
}

std::vector<ApprovalRule> ReadAll(store::Query& q) {
  std::vector<ApprovalRule> rules;
  while (q.Next()) {
    store::RowReader r(q);
    rules.push_back(ReadRule(r));
  }
  return rules;
}

}  // namespace

std::vector<ApprovalRule> ListActiveRules(store::Connection& conn) {
  store::Query q(conn, std::string(kColumns) + "WHERE active = 1 ORDER BY id");
  return ReadAll(q);
}

std::vector<ApprovalRule> ListRules(store::Connection& conn) {
  store::Query q(conn, std::string(kColumns) + "ORDER BY code");
  return ReadAll(q);
}

std::optional<ApprovalRule> FindRule(store::Connection& conn, std::string_view code) {
  return store::FindOne(conn, std::string(kColumns) + "WHERE code = ?", code, ReadRule);
}

int64_t InsertRule(store::Connection& conn, const ApprovalRule& r) {
  store::Query q(conn,
                 "INSERT INTO approval_rules (code, name, kind, threshold, hold_kind, active, "
                 "version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                 r.code, r.name, RuleKindName(r.kind), r.threshold, r.hold_kind, r.active,
                 r.created_at, r.updated_at);
  q.Next();
  return q.Int(0);
}

bool UpdateRule(store::Connection& conn, const ApprovalRule& r) {
  return store::Exec(conn,
                     "UPDATE approval_rules SET name = ?, threshold = ?, hold_kind = ?, "
                     "active = ?, version = version + 1, updated_at = ? "
                     "WHERE id = ? AND version = ?",
                     r.name, r.threshold, r.hold_kind, r.active, r.updated_at, r.id,
                     r.version) == 1;
}

}  // namespace ordo::approvals
