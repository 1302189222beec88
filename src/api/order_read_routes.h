// Reading orders (permission orders.read; portal users see only their own customer's orders,
// anything else answers 404 not_found):
//
//   GET /api/v1/orders?status=&customer=&created_from=&created_to=&limit=&cursor=
//       → {"items": [summary...], "next_cursor"}, newest first. Items are summaries, not whole
//       orders: {"id", "number", "version", "customer", "status", "po_number", "channel",
//       "total", "currency", "created_at"}; GET the order for its lines and holds.
//       status: one derived status name (on_hold, open, backordered, partially_shipped, shipped,
//       invoiced, closed, cancelled); customer: id or code; created_from / created_to:
//       YYYY-MM-DD (whole days, UTC, both inclusive) or RFC 3339 instants (inclusive). Unknown
//       parameters and bad values answer 400 invalid_argument naming each one. A portal user's
//       list is limited to its customer (a customer filter naming another gives an empty list).
//   GET /api/v1/orders/{id|number} → the order (ETag: its version).
//   GET /api/v1/orders/{id|number}/events → {"items": [{"id", "type", "at", "payload"}],
//       "next_cursor": null}: the order's timeline from the event outbox, oldest first, whole
//       (an order has few events, so it is never paged).
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddOrderReadRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
