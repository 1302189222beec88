// The outbox of domain events ("order.created", "stock.received", ...).
//
// A command publishes its events in its own transaction, so an event exists exactly when its
// change was committed; webhooks, feeds and EDI read them later in id order.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/command_context.h"
#include "store/database.h"

namespace ordo::events {

struct Event {
  int64_t id = 0;
  Timestamp at;
  std::string type;
  std::string entity;
  int64_t entity_id = 0;
  nlohmann::json payload;
};

void Publish(store::Connection& conn, const CommandContext& ctx, std::string_view type,
             std::string_view entity, int64_t entity_id, const nlohmann::json& payload);

// The same, with the payload given as JSON text.
void PublishText(store::Connection& conn, const CommandContext& ctx, std::string_view type,
                 std::string_view entity, int64_t entity_id, std::string_view payload_json);

// The events of one entity, oldest first (an order's timeline).
std::vector<Event> ForEntity(store::Connection& conn, std::string_view entity, int64_t entity_id);

}  // namespace ordo::events
