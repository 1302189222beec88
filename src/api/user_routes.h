// Users as an admin manages them (issue 13):
//   GET   /api/v1/users?role=&disabled=true|false  a page of users, by id (users.read)
//   GET   /api/v1/users/{ref}                      one user (users.read)
//   POST  /api/v1/users                            create a user (users.write) → 201
//   PATCH /api/v1/users/{ref}                      roles, customer, disabled (users.write) → 200
// Both permissions are the admin's alone. No answer holds a password, a hash or a token. The
// password of a new user is checked by the password policy and hashed on the request thread,
// never on the writer. The rules of a change (customer users and their customer, the last
// admin, one's own account) and what it revokes and audits are auth's (user_update.h), the same
// for the CLI. {ref} is a username, or a user id (digits only) when no user has that name.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddUserRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
