// Who may see a domain event on the event stream (GET /api/v1/events/stream): the action a
// staff user needs for the kind of document it is about, and the customer and order it
// concerns, read from the document it names (events do not all carry them in their payload).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.h"
#include "core/ids.h"
#include "events/event_feed.h"
#include "store/database.h"

namespace ordo::api {

struct EventScope {
  std::string_view permission;         // "orders.read"; "events.read" for any other entity
  std::optional<CustomerId> customer;  // the customer whose document it is, if any
  std::optional<OrderId> order;        // the order it belongs to, if any
  bool portal = false;                 // a kind of document a customer's portal may see
};

// The scope of `event`, reading the document it is about (or its order) on `conn`. A document
// that no longer exists gives a scope with no customer (staff with the permission only).
EventScope ScopeOf(store::Connection& conn, const events::FeedEvent& event);

// Whether `who` may receive an event of `scope`: its roles allow the permission and, for a
// user bound to a customer, a portal kind of document of that very customer.
bool MayReceive(const auth::Principal& who, const EventScope& scope);

}  // namespace ordo::api
