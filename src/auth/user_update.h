// Changing a user: its roles, a portal user's customer, and whether it may sign in. One place
// for the rules the API and the CLI share.
//
// The rules, all checked before anything is written:
//   - the roles and customer that result obey RolesAndCustomerErrors (user_commands.h), and a
//     customer code must name a customer (invalid_argument, field "customer");
//   - nobody takes away their own admin role or disables themselves (conflict, code
//     own_account at "roles" or "disabled"), so an admin cannot lock themselves out by mistake;
//   - the last active admin keeps its admin role and stays enabled (conflict, code last_admin),
//     so that someone can always manage users.
// A change of roles or customer revokes every token of the user, because what it may do
// changed, and is audited "user.update" (roles and customer before and after, the tokens
// revoked). Disabling revokes the tokens too ("user.disable"); enabling is audited
// "user.enable". A patch that changes nothing writes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/user_commands.h"
#include "core/command_context.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::auth {

struct UserPatch {
  std::optional<std::vector<std::string>> roles;  // role names; replaces the roles
  // A customer code, or null (the inner nullopt) to take the customer away; absent: unchanged.
  std::optional<std::optional<std::string>> customer;
  std::optional<bool> disabled;
};

// Applies `patch` to user `user_id` for `acting_user` (the id of the user making the change;
// nullopt for the CLI, which acts for nobody in particular). Returns the user as it now is.
// Fails not_found for an unknown user, invalid_argument or conflict as above.
Result<UserRecord> UpdateUser(store::Connection& conn, const CommandContext& ctx, int64_t user_id,
                              const UserPatch& patch, std::optional<int64_t> acting_user);

// The admin rules above for taking `user` to `roles` and `active`: conflict last_admin or
// own_account, else OK. Reads only.
Status CheckAdminKept(store::Connection& conn, const UserRecord& user,
                      const std::vector<Role>& roles, bool active,
                      std::optional<int64_t> acting_user);

}  // namespace ordo::auth
