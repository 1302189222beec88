// The JSON shape of a user on the wire and in the CLI:
// {"id", "username", "roles": [...], "customer_id": <int or null>}.
#pragma once

#include <nlohmann/json.hpp>

#include "auth/principal.h"

namespace ordo::auth {

nlohmann::json ToJson(const Principal& principal);

}  // namespace ordo::auth
