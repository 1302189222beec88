// The domain event feed (the API's GET /events): events after a given id, oldest first, for
// pollers that remember the last id they processed. Reads only; safe on any read connection.
//
// With one writer (SQLite), ids are committed in increasing order, so "id > last seen" never
// skips an event. A backend with concurrent writers needs a commit-ordered feed instead.
//
// Events keep their payload as the JSON text that was stored, so a reader can pass it on
// without re-parsing it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/database.h"

namespace ordo::events {

struct FeedFilter {
  std::optional<std::string> type;    // "order.created"
  std::optional<std::string> entity;  // "order"
};

struct FeedEvent {
  int64_t id = 0;
  Timestamp at;
  std::string type;
  std::string entity;
  int64_t entity_id = 0;
  std::string payload_json;
};

// Up to `limit` events matching `filter` with id > `after`, by id.
std::vector<FeedEvent> EventsAfter(store::Connection& conn, const FeedFilter& filter, int64_t after,
                                   int limit);

// The id of the newest event, 0 when there is none: where a reader that wants only what
// happens from now on starts.
int64_t LastEventId(store::Connection& conn);

}  // namespace ordo::events
