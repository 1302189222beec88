#include "auth/user_json.h"

namespace ordo::auth {

nlohmann::json ToJson(const Principal& principal) {
  nlohmann::json roles = nlohmann::json::array();
  for (Role r : principal.roles) roles.push_back(RoleName(r));
  return {{"id", principal.user_id},
          {"username", principal.username},
          {"roles", roles},
          {"customer_id", principal.customer_id ? nlohmann::json(principal.customer_id->value())
                                                : nlohmann::json(nullptr)}};
}

nlohmann::json ToJson(const UserSummary& user) {
  nlohmann::json roles = nlohmann::json::array();
  for (Role r : user.roles) roles.push_back(RoleName(r));
  auto or_null = [](const auto& v, auto f) { return v ? nlohmann::json(f(*v)) : nlohmann::json(); };
  return {{"id", user.id},
          {"username", user.username},
          {"roles", roles},
          {"customer_id", or_null(user.customer_id, [](CustomerId c) { return c.value(); })},
          {"customer", or_null(user.customer, [](const std::string& c) { return c; })},
          {"disabled", !user.active},
          {"created_at", FormatRfc3339(user.created_at)},
          {"last_sign_in_at", or_null(user.last_sign_in_at, FormatRfc3339)}};
}

}  // namespace ordo::auth
