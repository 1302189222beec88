#include "audit/audit_log.h"

#include "store/query.h"

namespace ordo::audit {
namespace {

std::optional<std::string> Dump(const nlohmann::json& j) {
  if (j.is_null()) return std::nullopt;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json Load(const std::optional<std::string>& text) {
  return text ? nlohmann::json::parse(*text) : nlohmann::json();
}

}  // namespace

void Record(store::Connection& conn, const CommandContext& ctx, std::string_view action,
            std::string_view entity, int64_t entity_id, const nlohmann::json& before,
            const nlohmann::json& after) {
  auto b = Dump(before);
  auto a = Dump(after);
  RecordText(conn, ctx, action, entity, entity_id,
             b ? std::optional<std::string_view>(*b) : std::nullopt,
             a ? std::optional<std::string_view>(*a) : std::nullopt);
}

void RecordText(store::Connection& conn, const CommandContext& ctx, std::string_view action,
                std::string_view entity, int64_t entity_id,
                std::optional<std::string_view> before_json,
                std::optional<std::string_view> after_json) {
  std::optional<std::string_view> request_id;
  if (!ctx.request_id.empty()) request_id = ctx.request_id;
  store::Exec(conn,
              "INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, "
              "after_json, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              ctx.now, ctx.actor, action, entity, entity_id, before_json, after_json,
              request_id);
}

std::vector<AuditRecord> ForEntity(store::Connection& conn, std::string_view entity,
                                   int64_t entity_id) {
  store::Query q(conn,
                 "SELECT id, at, actor, action, entity, entity_id, before_json, after_json, "
                 "request_id FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id",
                 entity, entity_id);
  std::vector<AuditRecord> out;
  while (q.Next()) {
    out.push_back(AuditRecord{q.Int(0), q.Time(1), q.Text(2), q.Text(3), q.Text(4), q.Int(5),
                              Load(q.OptText(6)), Load(q.OptText(7)),
                              q.OptText(8).value_or("")});
  }
  return out;
}

}  // namespace ordo::audit
