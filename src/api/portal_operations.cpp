#include "api/portal_operations.h"

namespace ordo::api {

void PortalOperations::Declare(std::string_view method, std::string_view pattern) {
  operations_.emplace(std::string(pattern), std::string(method));
}

bool PortalOperations::Allows(std::string_view method, std::string_view pattern) const {
  if (pattern.empty()) return false;
  return operations_.contains(std::pair<std::string, std::string>(pattern, method));
}

std::vector<http::RouteInfo> PortalOperations::Operations() const {
  std::vector<http::RouteInfo> out;
  for (const auto& [pattern, method] : operations_) out.push_back({method, pattern});
  return out;
}

void AddPortalRoute(http::Router& router, PortalOperations& portal, std::string_view method,
                    std::string_view pattern, http::Handler handler) {
  router.Add(method, pattern, std::move(handler));
  portal.Declare(method, pattern);
}

}  // namespace ordo::api
