// The domain event feed: GET /api/v1/events?after=<id>&limit=50 (also type=, entity=) →
// {"items": [{"id", "type", "entity", "entity_id", "at", "payload"}], "next_cursor",
// "last_id"}, oldest first: the events webhooks deliver. Needs events.read.
//
// A poller remembers `last_id` (the id of the last event returned, or its own `after` when
// none were) and asks again with after=<last_id>; `next_cursor` is set when a full page was
// returned and more events are already waiting (cursor=<next_cursor> works as after= does).
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddEventRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
