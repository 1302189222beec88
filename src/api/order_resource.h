// The order as an HTTP resource: finding the order a path segment names ("42" or "SO-000042")
// for the principal asking, and the response that carries an order.
//
// Customer scope: a portal user asking for another customer's order gets not_found with the
// same message as for an order that does not exist, by id and by number alike.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.h"
#include "core/status.h"
#include "http/request.h"
#include "http/response.h"
#include "orders/order.h"
#include "orders/order_queries.h"
#include "store/database.h"

namespace ordo::api {

// The id and customer of the order `segment` names, if `who` may see it. Errors: not_found.
Result<orders::OrderKey> FindOrderFor(store::Connection& conn, std::string_view segment,
                                      const auth::Principal& who);

// The `order` query parameter of list endpoints (an id or a number), as FindOrderFor finds it:
// an order that does not exist or that `who` may not see matches nothing (never an error that
// would reveal it exists).
struct OrderFilter {
  std::optional<OrderId> order;  // the list is narrowed to it when set
  bool matches_nothing = false;
};
OrderFilter ResolveOrderFilter(store::Connection& conn, const http::Request& request,
                               const auth::Principal& who);

// The whole order `segment` names, if `who` may see it. Errors: not_found.
Result<orders::Order> LoadOrderFor(store::Connection& conn, std::string_view segment,
                                   const auth::Principal& who);

// `status` with the order's JSON (orders::OrderJson) and `ETag: "<version>"`.
http::Response OrderResponse(int status, const orders::Order& order);
// The same with the order's JSON already written (orders::OrderJson(order)).
http::Response OrderResponse(int status, const orders::Order& order, std::string json);

}  // namespace ordo::api
