#include "audit/audit_query.h"

#include <array>
#include <cassert>

#include "store/query.h"

namespace ordo::audit {
namespace {

// One bit per filter in use. Each combination has one SQL text, built once, so its prepared
// statement is reused and every filter is a plain portable condition. An entity filter (with
// or without its id) uses the index audit_log (entity, entity_id, id).
constexpr unsigned kEntity = 1, kEntityId = 2, kActor = 4, kAction = 8, kRequestId = 16;

const std::string& SqlFor(unsigned bits) {
  static const std::array<std::string, 32> texts = [] {
    std::array<std::string, 32> out;
    for (unsigned b = 0; b < out.size(); ++b) {
      std::string sql =
          "SELECT id, at, actor, action, entity, entity_id, before_json, after_json, "
          "request_id FROM audit_log WHERE id > ?";
      if (b & kEntity) sql += " AND entity = ?";
      if (b & kEntityId) sql += " AND entity_id = ?";
      if (b & kActor) sql += " AND actor = ?";
      if (b & kAction) sql += " AND action = ?";
      if (b & kRequestId) sql += " AND request_id = ?";
      out[b] = sql + " ORDER BY id LIMIT ?";
    }
    return out;
  }();
  return texts[bits];
}

}  // namespace

std::vector<AuditEntry> ListAudit(store::Connection& conn, const AuditFilter& filter, int64_t after,
                                  int limit) {
  assert(filter.entity || !filter.entity_id);
  unsigned bits = (filter.entity ? kEntity : 0) | (filter.entity_id ? kEntityId : 0) |
                  (filter.actor ? kActor : 0) | (filter.action ? kAction : 0) |
                  (filter.request_id ? kRequestId : 0);
  store::Query q(conn, SqlFor(bits), after);
  if (filter.entity) q.BindMore(*filter.entity);
  if (filter.entity_id) q.BindMore(*filter.entity_id);
  if (filter.actor) q.BindMore(*filter.actor);
  if (filter.action) q.BindMore(*filter.action);
  if (filter.request_id) q.BindMore(*filter.request_id);
  q.BindMore(limit);
  std::vector<AuditEntry> out;
  while (q.Next()) {
    out.push_back(AuditEntry{q.Int(0), q.Time(1), q.Text(2), q.Text(3), q.Text(4), q.Int(5),
                             q.OptText(6), q.OptText(7), q.OptText(8)});
  }
  return out;
}

}  // namespace ordo::audit
