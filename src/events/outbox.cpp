#include "events/outbox.h"

#include "store/query.h"

namespace ordo::events {
namespace {

std::vector<Event> Collect(store::Query& q) {
  std::vector<Event> out;
  while (q.Next()) {
    out.push_back(Event{q.Int(0), q.Time(1), q.Text(2), q.Text(3), q.Int(4),
                        nlohmann::json::parse(q.Text(5))});
  }
  return out;
}

}  // namespace

void Publish(store::Connection& conn, const CommandContext& ctx, std::string_view type,
             std::string_view entity, int64_t entity_id, const nlohmann::json& payload) {
  PublishText(conn, ctx, type, entity, entity_id,
              payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void PublishText(store::Connection& conn, const CommandContext& ctx, std::string_view type,
                 std::string_view entity, int64_t entity_id, std::string_view payload_json) {
  store::Exec(conn,
              "INSERT INTO outbox_events (at, type, entity, entity_id, payload) "
              "VALUES (?, ?, ?, ?, ?)",
              ctx.now, type, entity, entity_id, payload_json);
}

std::vector<Event> ForEntity(store::Connection& conn, std::string_view entity, int64_t entity_id) {
  store::Query q(conn,
                 "SELECT id, at, type, entity, entity_id, payload FROM outbox_events "
                 "WHERE entity = ? AND entity_id = ? ORDER BY id",
                 entity, entity_id);
  return Collect(q);
}

}  // namespace ordo::events
