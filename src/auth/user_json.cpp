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

}  // namespace ordo::auth
