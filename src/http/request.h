// Request: one parsed HTTP request as handlers see it.
//
// A plain value. The server fills every field except `path_params` and `route`, which the
// Router fills when it picks a route. Not synchronized: a handler owns the request it is given
// until it calls the Responder (the server keeps the object alive until then).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/url.h"

namespace ordo::http {

struct Request {
  std::string method;  // upper-case: "GET", "POST", ...
  std::string target;  // as received: "/api/v1/orders?status=open"
  std::string path;    // percent-decoded, without the query: "/api/v1/orders"
  QueryParams query;   // percent-decoded ('+' is a space), in request order
  std::vector<std::pair<std::string, std::string>> headers;  // as received, in order
  std::string body;
  std::string remote_address;  // "127.0.0.1:54321", "[::1]:54321"
  std::string request_id;      // echoed as X-Request-Id on the response
  std::map<std::string, std::string, std::less<>> path_params;  // {"id": "42"} for "/orders/{id}"
  std::string route;  // the matched pattern, "/api/v1/orders/{id}"; empty when none matched

  // The first header named `name`, compared case-insensitively.
  std::optional<std::string_view> Header(std::string_view name) const;
  // The first query parameter named `name` (case-sensitive).
  std::optional<std::string_view> Query(std::string_view name) const;
  // The path parameter `name`; nullopt when the route has no such parameter.
  std::optional<std::string_view> PathParam(std::string_view name) const;
};

// ASCII case-insensitive equality, as header names compare.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace ordo::http
