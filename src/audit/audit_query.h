// Browsing the audit trail (the API's GET /audit): the records that match a filter, a page at
// a time, oldest first. Reads only; safe on any read connection.
//
// Records keep their before/after images as the JSON text that was stored, so a reader can
// pass them on without re-parsing (and without any number passing through a double).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/database.h"

namespace ordo::audit {

struct AuditFilter {
  std::optional<std::string> entity;  // "order", "customer", ...
  // REQUIRES: entity is set when entity_id is (an id means nothing without its entity).
  std::optional<int64_t> entity_id;
  std::optional<std::string> actor;   // "user:alice"
  std::optional<std::string> action;  // "order.cancel"
  std::optional<std::string> request_id;
};

struct AuditEntry {
  int64_t id = 0;
  Timestamp at;
  std::string actor;
  std::string action;
  std::string entity;
  int64_t entity_id = 0;
  std::optional<std::string> before_json;  // nullopt: the entity was new
  std::optional<std::string> after_json;   // nullopt: the entity is gone
  std::optional<std::string> request_id;   // nullopt outside a request
};

// Up to `limit` records matching `filter` with id > `after`, by id.
std::vector<AuditEntry> ListAudit(store::Connection& conn, const AuditFilter& filter, int64_t after,
                                  int limit);

}  // namespace ordo::audit
