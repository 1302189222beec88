#include "events/event_feed.h"

#include <array>

#include "store/query.h"

namespace ordo::events {
namespace {

// One SQL text per combination of filters, built once, so each prepared statement is reused
// and every filter is a plain portable condition.
constexpr unsigned kType = 1, kEntity = 2;

const std::string& SqlFor(unsigned bits) {
  static const std::array<std::string, 4> texts = [] {
    std::array<std::string, 4> out;
    for (unsigned b = 0; b < out.size(); ++b) {
      std::string sql =
          "SELECT id, at, type, entity, entity_id, payload FROM outbox_events WHERE id > ?";
      if (b & kType) sql += " AND type = ?";
      if (b & kEntity) sql += " AND entity = ?";
      out[b] = sql + " ORDER BY id LIMIT ?";
    }
    return out;
  }();
  return texts[bits];
}

}  // namespace

std::vector<FeedEvent> EventsAfter(store::Connection& conn, const FeedFilter& filter, int64_t after,
                                   int limit) {
  unsigned bits = (filter.type ? kType : 0) | (filter.entity ? kEntity : 0);
  store::Query q(conn, SqlFor(bits), after);
  if (filter.type) q.BindMore(*filter.type);
  if (filter.entity) q.BindMore(*filter.entity);
  q.BindMore(limit);
  std::vector<FeedEvent> out;
  while (q.Next()) {
    out.push_back(FeedEvent{q.Int(0), q.Time(1), q.Text(2), q.Text(3), q.Int(4), q.Text(5)});
  }
  return out;
}

int64_t LastEventId(store::Connection& conn) {
  store::Query q(conn, "SELECT COALESCE(MAX(id), 0) FROM outbox_events");
  return q.Next() ? q.Int(0) : 0;
}

}  // namespace ordo::events
