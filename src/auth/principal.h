// Principal: the authenticated user behind a request, as Authenticate() returns it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/role.h"
#include "core/ids.h"

namespace ordo::auth {

struct Principal {
  int64_t user_id = 0;
  std::string username;
  std::vector<Role> roles;                // sorted, no duplicates
  std::optional<CustomerId> customer_id;  // set exactly for portal (customer role) users

  bool HasRole(Role role) const {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  }
  // "user:alice", the actor recorded in audit rows.
  std::string Actor() const { return "user:" + username; }
};

}  // namespace ordo::auth
