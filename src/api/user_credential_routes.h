// An admin's hold on users' credentials (permission "users.write", admin only):
//   POST /api/v1/users/{ref}/password {"new_password"} → 204: the password is reset and every
//        token of the user revoked (audited "user.password_reset"); 400 weak_password naming
//        new_password; 404 for an unknown user.
//   POST /api/v1/users/{ref}/disable → 204: the user can no longer log in, and its tokens and
//        API keys stop working at once (audited "user.disable"); 404 for an unknown user; 409
//        for one's own account or the last active admin (auth/user_update.h).
// {ref} is a username, or a user id (digits only) when no user has that name.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddUserCredentialRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
