// The append-only audit trail: who did what to which entity, with its state before and after.
//
// Commands call Record() in their own transaction, so an audit row exists exactly when the
// change it describes was committed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/command_context.h"
#include "store/database.h"

namespace ordo::audit {

struct AuditRecord {
  int64_t id = 0;
  Timestamp at;
  std::string actor;
  std::string action;  // "order.place", "stock.adjust", ...
  std::string entity;  // "order", "item", ...
  int64_t entity_id = 0;
  nlohmann::json before;  // null when the entity is new
  nlohmann::json after;   // null when the entity is gone
  std::string request_id;
};

void Record(store::Connection& conn, const CommandContext& ctx, std::string_view action,
            std::string_view entity, int64_t entity_id, const nlohmann::json& before,
            const nlohmann::json& after);

// The same, with before and after given as JSON text (nullopt for NULL).
void RecordText(store::Connection& conn, const CommandContext& ctx, std::string_view action,
                std::string_view entity, int64_t entity_id,
                std::optional<std::string_view> before_json,
                std::optional<std::string_view> after_json);

// The records of one entity, oldest first.
std::vector<AuditRecord> ForEntity(store::Connection& conn, std::string_view entity,
                                   int64_t entity_id);

}  // namespace ordo::audit
