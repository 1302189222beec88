// The customer portal's operations: the only routes a customer-bound principal may call.
//
// A user bound to a customer (the customer's portal user, or its own EDI or e-commerce
// integration user) acts for that customer only, whatever other roles it was given: it reaches
// only the routes declared here, with the permissions of the customer role alone, and every
// portal route narrows what it reads and writes to the principal's customer (customer_scope.h).
// Each route file declares its portal routes where it registers them (AddPortalRoute), and
// authenticate.cpp checks every authenticated request against the list, so a route that is not
// declared answers 403 to such a principal before its handler reads anything.
//
// Thread-safety: Declare() only while routes are registered, before the server starts; after
// that Allows() and Operations() may be called concurrently.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/handler.h"
#include "http/router.h"

namespace ordo::api {

class PortalOperations {
 public:
  // Declares (method, route pattern) a portal operation; declaring one twice is harmless.
  void Declare(std::string_view method, std::string_view pattern);
  // Whether a request routed to `pattern` with `method` is a portal operation. An empty pattern
  // (a request no route matched) is not.
  bool Allows(std::string_view method, std::string_view pattern) const;
  // Every declared operation, ordered by pattern then method.
  std::vector<http::RouteInfo> Operations() const;

 private:
  std::set<std::pair<std::string, std::string>, std::less<>> operations_;  // (pattern, method)
};

// Registers `handler` for `method` on `pattern` (http::Router::Add) and declares the route a
// portal operation in `portal`.
void AddPortalRoute(http::Router& router, PortalOperations& portal, std::string_view method,
                    std::string_view pattern, http::Handler handler);

}  // namespace ordo::api
