// Router: maps (method, path pattern) to handlers.
//
// Patterns are absolute paths whose segments are literals or "{name}" parameters, e.g.
// "/api/v1/orders/{id}/holds/{kind}/release". A parameter matches one non-empty segment; a
// parameter with a literal suffix ("{id}.pdf") matches a segment that ends with it and binds
// what comes before. At each segment a literal is tried first, then suffixed parameters, then
// bare ones, with backtracking, so "/orders/search" beats "/orders/{id}" and
// "/invoices/{id}.pdf" beats "/invoices/{id}". Among the routes whose pattern matches the path, the
// most specific one that has the request's method wins. No matching pattern -> 404 problem
// "not_found"; patterns match but none for this method -> 405 problem "method_not_allowed" with an
// Allow header.
//
// Thread-safety: Add() is not synchronized; register every route before the server starts.
// After that, Dispatch() and Routes() may be called concurrently.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "http/handler.h"

namespace ordo::http {

namespace internal {
struct RouteNode;
}  // namespace internal

struct RouteInfo {
  std::string method;   // "GET"
  std::string pattern;  // "/api/v1/orders/{id}"
  bool operator==(const RouteInfo&) const = default;
};

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Registers `handler` for `method` (upper-cased) on `pattern`. Throws std::invalid_argument
  // for a malformed pattern or method, or for a (method, pattern) pair already registered.
  void Add(std::string_view method, std::string_view pattern, Handler handler);

  // Matches request.path and request.method, fills request.path_params and calls the handler,
  // or answers `respond` with a 404/405 problem. Exceptions from the handler propagate.
  void Dispatch(Request& request, Responder respond) const;

  // Every registered route, in registration order.
  std::vector<RouteInfo> Routes() const;

 private:
  std::unique_ptr<internal::RouteNode> root_;
  std::vector<RouteInfo> routes_;
};

}  // namespace ordo::http
