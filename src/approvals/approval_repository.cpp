#include "approvals/approval_repository.h"

#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::approvals {
namespace {

constexpr const char* kColumns =
    "SELECT id, order_id, hold_id, kind, reason, rules_json, customer_id, order_total, "
    "entered_by, status, created_at, decided_at, decided_by, note FROM approvals ";

Approval ReadApproval(store::RowReader& r) {
  Approval a;
  a.id = r.Int();
  a.order = r.Id<OrderId>();
  a.hold_id = r.Int();
  a.kind = r.Text();
  a.reason = r.Text();
  a.rules = nlohmann::json::parse(r.Text(), nullptr, /*allow_exceptions=*/false);
  if (!a.rules.is_array()) a.rules = nlohmann::json::array();
  a.customer = r.Id<CustomerId>();
  a.order_total = r.Amount();
  a.entered_by = r.Text();
  // The CHECK of migration 0020 keeps the status one of the names.
  a.status = StatusFromName(r.Text()).value_or(ApprovalStatus::kPending);
  a.created_at = r.Time();
  a.decided_at = r.OptTime();
  a.decided_by = r.OptText();
  a.note = r.OptText();
  return a;
}

}  // namespace

int64_t InsertApproval(store::Connection& conn, const Approval& a) {
  store::Query q(conn,
                 "INSERT INTO approvals (order_id, hold_id, kind, reason, rules_json, customer_id, "
                 "order_total, entered_by, status, created_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?) RETURNING id",
                 a.order, a.hold_id, a.kind, a.reason, a.rules.dump(), a.customer, a.order_total,
                 a.entered_by, a.created_at);
  q.Next();
  return q.Int(0);
}

std::optional<Approval> FindApproval(store::Connection& conn, int64_t id) {
  return store::FindOne(conn, std::string(kColumns) + "WHERE id = ?", id, ReadApproval);
}

bool MarkDecided(store::Connection& conn, int64_t hold_id, ApprovalStatus status, Timestamp at,
                 std::string_view by, std::string_view note) {
  return store::Exec(conn,
                     "UPDATE approvals SET status = ?, decided_at = ?, decided_by = ?, note = ? "
                     "WHERE hold_id = ? AND status = 'pending'",
                     StatusName(status), at, by, note, hold_id) == 1;
}

int64_t WithdrawPending(store::Connection& conn, OrderId order, Timestamp at, std::string_view by,
                        std::string_view note) {
  return store::Exec(conn,
                     "UPDATE approvals SET status = 'withdrawn', decided_at = ?, decided_by = ?, "
                     "note = ? WHERE order_id = ? AND status = 'pending'",
                     at, by, note, order);
}

std::vector<Approval> ListApprovals(store::Connection& conn, const ApprovalFilter& filter,
                                    int64_t after, int limit) {
  std::string sql = std::string(kColumns) + "WHERE id > ?";
  if (filter.status) sql += " AND status = ?";
  if (filter.order) sql += " AND order_id = ?";
  if (!filter.kinds.empty()) {
    sql += " AND kind IN (";
    for (size_t i = 0; i < filter.kinds.size(); ++i) sql += i == 0 ? "?" : ", ?";
    sql += ")";
  }
  sql += " ORDER BY id LIMIT ?";
  store::Query q(conn, sql, after);
  if (filter.status) q.BindMore(StatusName(*filter.status));
  if (filter.order) q.BindMore(*filter.order);
  for (const auto& k : filter.kinds) q.BindMore(k);
  q.BindMore(limit);
  std::vector<Approval> out;
  while (q.Next()) {
    store::RowReader r(q);
    out.push_back(ReadApproval(r));
  }
  return out;
}

}  // namespace ordo::approvals
