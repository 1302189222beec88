// The JSON shape of a user on the wire and in the CLI:
// {"id", "username", "roles": [...], "customer_id": <int or null>}; and a user as an admin sees
// it (GET /api/v1/users): that, plus "customer" (the code), "disabled", "created_at" and
// "last_sign_in_at" (RFC 3339 or null). Neither ever holds a password, hash or token.
#pragma once

#include <nlohmann/json.hpp>

#include "auth/principal.h"
#include "auth/user_list.h"

namespace ordo::auth {

nlohmann::json ToJson(const Principal& principal);
nlohmann::json ToJson(const UserSummary& user);

}  // namespace ordo::auth
