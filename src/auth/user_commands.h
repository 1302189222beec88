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

// The rules that tie roles to a customer, for a new user and a changed one alike: at least one
// role, each a known name (roles/N unknown_role), and a customer code exactly when the roles
// include "customer" (customer required or not_allowed).
std::vector<FieldError> RolesAndCustomerErrors(const std::vector<std::string>& roles,
                                               const std::optional<std::string>& customer);

// Checks the fields that need no database (username, password policy, role names, customer
// presence).
// Field errors: username, password, roles (or roles/N), customer.
Status ValidateNewUser(const NewUser& user);

// Every check of a new user, on any connection (reads only): ValidateNewUser, the customer
// code known, the username free. Fails weak_password (the password is the only bad field),
// invalid_argument (all bad fields, including an unknown customer code) or conflict (username
// taken). The API runs it on a read connection before it hashes the password off the writer.
Status CheckNewUser(store::Connection& conn, const NewUser& user);

// Inserts the user with `password_hash` (from HashNewPassword; user.password is not read) and
// audits "user.create". Checks the user again as CheckNewUser does, except the password, so
// that a customer or username that changed meanwhile is refused here. Returns the principal.
Result<Principal> InsertUser(store::Connection& conn, const CommandContext& ctx,
                             const NewUser& user, const std::string& password_hash);

// CheckNewUser, then hashes the password with `cost` and inserts the user (InsertUser). The
// hashing is slow (see password.h): for the CLI and tests; the API hashes on its own thread.
Result<Principal> CreateUser(store::Connection& conn, const CommandContext& ctx,
                             const NewUser& user, const PasswordCost& cost = {});

// The user named `username` (active or not), or nullopt.
std::optional<UserRecord> FindUserByName(store::Connection& conn, std::string_view username);
// The user with id `user_id` (active or not), or nullopt.
std::optional<UserRecord> FindUserById(store::Connection& conn, int64_t user_id);
// The user named `ref`, else (for a reference of digits only) the user with that id.
std::optional<UserRecord> FindUserByRef(store::Connection& conn, std::string_view ref);

}  // namespace ordo::auth
