// The audit trail: GET /api/v1/audit?entity=order&entity_id=42 (also actor=, action=,
// request_id=; a cursor list, oldest first) →
// {"items": [{"id", "at", "actor", "action", "entity", "entity_id", "before", "after",
// "request_id"}], "next_cursor"}, where before and after are the entity's JSON images (null
// when it was new, or is gone). Needs audit.read.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddAuditRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
