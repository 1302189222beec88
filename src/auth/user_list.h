// Users as an admin sees them: the list (GET /api/v1/users) and one user, never with a secret.
//
// The last sign-in is the newest bearer token of the user still stored: tokens end after twelve
// hours, at sign-out, at a password change or reset and when the user is disabled, so it is
// known only while one of those has not happened (null otherwise). Reads only; safe on any
// read connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/role.h"
#include "core/clock.h"
#include "core/ids.h"
#include "store/database.h"

namespace ordo::auth {

struct UserSummary {
  int64_t id = 0;
  std::string username;
  std::vector<Role> roles;  // sorted
  std::optional<CustomerId> customer_id;
  std::optional<std::string> customer;  // the customer's code
  bool active = true;
  Timestamp created_at;
  std::optional<Timestamp> last_sign_in_at;
};

struct UserFilter {
  std::optional<Role> role;     // users holding this role
  std::optional<bool> active;   // active (true) or disabled (false) users
  std::optional<int64_t> only;  // just this user
};

// Up to `limit` users matching `filter` with id > `after`, by id.
std::vector<UserSummary> ListUsers(store::Connection& conn, const UserFilter& filter, int64_t after,
                                   int limit);

// The user with id `user_id`, or nullopt.
std::optional<UserSummary> FindUserSummary(store::Connection& conn, int64_t user_id);

}  // namespace ordo::auth
