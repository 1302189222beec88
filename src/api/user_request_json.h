// The bodies of POST /api/v1/users and PATCH /api/v1/users/{ref}, read into auth's typed
// requests with every bad field at once (jsonio::FieldReader).
//
//   POST  {"username", "password", "roles": ["sales"], "customer": "C-1001" | null}
//   PATCH {"roles": [...], "customer": "C-1001" | null, "disabled": true | false}
//         (absent: unchanged; null customer: none; roles and disabled cannot be null)
//
// Role names are checked by auth (unknown_role at roles/N); here a role must be text.
#pragma once

#include <string>

#include "auth/user_commands.h"
#include "auth/user_update.h"
#include "core/status.h"

namespace ordo::api {

Result<auth::NewUser> ParseNewUserJson(const std::string& body);
Result<auth::UserPatch> ParseUserPatchJson(const std::string& body);

}  // namespace ordo::api
