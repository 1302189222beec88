// Creating users and looking them up.
//
// A user has a unique username, an argon2id password hash, one or more roles, and, exactly when
// it has the customer role, the customer it belongs to. CreateUser validates everything first
// and reports every bad field at once; it writes the user and an audit record ("user.create")
// that never contains the password or its hash.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/password.h"
#include "auth/principal.h"
#include "core/command_context.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::auth {

struct NewUser {
  std::string username;                 // 3..64 of [A-Za-z0-9._@-]
  std::string password;                 // satisfies the password policy (password_policy.h)
  std::vector<std::string> roles;       // role names, at least one
  std::optional<std::string> customer;  // customer code; required iff roles has "customer"
};

// A user as stored, with its password hash.
struct UserRecord {
  Principal principal;
  std::string password_hash;
  bool active = true;
};

// Checks the fields that need no database (username, password policy, role names, customer
// presence).
// Field errors: username, password, roles (or roles/N), customer.
Status ValidateNewUser(const NewUser& user);

// Validates, hashes the password with `cost` and inserts the user. Fails weak_password (the
// password is the only bad field), invalid_argument (all bad fields, including an unknown
// customer code) or conflict (username taken). The hashing is
// slow: see password.h. Returns the new user's principal.
Result<Principal> CreateUser(store::Connection& conn, const CommandContext& ctx,
                             const NewUser& user, const PasswordCost& cost = {});

// The user named `username` (active or not), or nullopt.
std::optional<UserRecord> FindUserByName(store::Connection& conn, std::string_view username);
// The user with id `user_id` (active or not), or nullopt.
std::optional<UserRecord> FindUserById(store::Connection& conn, int64_t user_id);
// The user named `ref`, else (for a reference of digits only) the user with that id.
std::optional<UserRecord> FindUserByRef(store::Connection& conn, std::string_view ref);

}  // namespace ordo::auth
