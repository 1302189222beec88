#include "auth/user_update.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "audit/audit_log.h"
#include "auth/credential_commands.h"
#include "customers/customer_repository.h"
#include "store/query.h"

namespace ordo::auth {
namespace {

bool HasAdmin(const std::vector<Role>& roles) {
  return std::find(roles.begin(), roles.end(), Role::kAdmin) != roles.end();
}

int64_t OtherActiveAdmins(store::Connection& conn, int64_t user_id) {
  store::Query q(conn,
                 "SELECT COUNT(*) FROM users u JOIN user_roles r ON r.user_id = u.id "
                 "WHERE r.role = 'admin' AND u.active = 1 AND u.id <> ?",
                 user_id);
  q.Next();
  return q.Int(0);
}

std::vector<std::string> RoleNames(const std::vector<Role>& roles) {
  std::vector<std::string> names;
  for (Role r : roles) names.emplace_back(RoleName(r));
  return names;
}

std::vector<Role> ParsedRoles(const std::vector<std::string>& names) {
  std::vector<Role> roles;
  for (const auto& name : names) {
    if (auto r = ParseRole(name)) roles.push_back(*r);
  }
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

nlohmann::json Image(const std::vector<Role>& roles, std::optional<CustomerId> customer) {
  return {{"roles", RoleNames(roles)},
          {"customer_id", customer ? nlohmann::json(customer->value()) : nlohmann::json(nullptr)}};
}

// The roles and customer `patch` leads to, or invalid_argument with every bad field.
struct Membership {
  std::vector<Role> roles;
  std::optional<CustomerId> customer_id;
};

Result<Membership> Resolve(store::Connection& conn, const UserRecord& user,
                           const UserPatch& patch) {
  std::vector<std::string> names = patch.roles.value_or(RoleNames(user.principal.roles));
  std::optional<std::string> code;
  if (patch.customer) {
    code = *patch.customer;
  } else if (user.principal.customer_id) {
    auto current = customers::FindCustomerById(conn, *user.principal.customer_id);
    code = current ? current->code : "";
  }
  std::vector<FieldError> errors = RolesAndCustomerErrors(names, code);
  Membership out{ParsedRoles(names), user.principal.customer_id};
  bool customer_ok = std::none_of(errors.begin(), errors.end(),
                                  [](const FieldError& e) { return e.field == "customer"; });
  if (patch.customer && customer_ok) {
    out.customer_id.reset();
    if (*patch.customer) {
      if (auto c = customers::FindCustomerByCode(conn, **patch.customer)) {
        out.customer_id = c->id;
      } else {
        errors.push_back({"customer", "unknown_customer", "no customer " + **patch.customer});
      }
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("the user has invalid fields", errors);
  return out;
}

void SetMembership(store::Connection& conn, int64_t user_id, const Membership& m) {
  store::Exec(conn, "UPDATE users SET customer_id = ? WHERE id = ?", m.customer_id, user_id);
  store::Exec(conn, "DELETE FROM user_roles WHERE user_id = ?", user_id);
  for (Role r : m.roles) {
    store::Exec(conn, "INSERT INTO user_roles (user_id, role) VALUES (?, ?)", user_id, RoleName(r));
  }
}

}  // namespace

Status CheckAdminKept(store::Connection& conn, const UserRecord& user,
                      const std::vector<Role>& roles, bool active,
                      std::optional<int64_t> acting_user) {
  bool admin_before = user.active && user.principal.HasRole(Role::kAdmin);
  bool admin_after = active && HasAdmin(roles);
  if (acting_user == user.principal.user_id) {
    if (!active && user.active) {
      return Status(ErrorCode::kConflict, "you cannot disable yourself",
                    {{"disabled", "own_account", "another admin must disable your account"}});
    }
    if (admin_before && !admin_after) {
      return Status(ErrorCode::kConflict, "you cannot take away your own admin role",
                    {{"roles", "own_account", "another admin must change your roles"}});
    }
  }
  if (admin_before && !admin_after && OtherActiveAdmins(conn, user.principal.user_id) == 0) {
    std::string field = active ? "roles" : "disabled";
    return Status(ErrorCode::kConflict, user.principal.username + " is the last active admin",
                  {{field, "last_admin", "make another user an admin first"}});
  }
  return Status::Ok();
}

Result<UserRecord> UpdateUser(store::Connection& conn, const CommandContext& ctx, int64_t user_id,
                              const UserPatch& patch, std::optional<int64_t> acting_user) {
  auto user = FindUserById(conn, user_id);
  if (!user) return Status::NotFound("no user " + std::to_string(user_id));
  auto membership = Resolve(conn, *user, patch);
  if (!membership.ok()) return membership.status();
  bool active = patch.disabled ? !*patch.disabled : user->active;
  if (Status kept = CheckAdminKept(conn, *user, membership->roles, active, acting_user);
      !kept.ok()) {
    return kept;
  }

  bool changed = membership->roles != user->principal.roles ||
                 membership->customer_id != user->principal.customer_id;
  if (changed) {
    SetMembership(conn, user_id, *membership);
    int64_t revoked = RevokeUserTokens(conn, user_id);
    nlohmann::json after = Image(membership->roles, membership->customer_id);
    after["tokens_revoked"] = revoked;
    audit::Record(conn, ctx, "user.update", "user", user_id,
                  Image(user->principal.roles, user->principal.customer_id), after);
  }
  if (active != user->active) {
    if (!active) {
      if (Status st = DisableUser(conn, ctx, user_id, acting_user); !st.ok()) return st;
    } else {
      store::Exec(conn, "UPDATE users SET active = 1 WHERE id = ?", user_id);
      audit::Record(conn, ctx, "user.enable", "user", user_id, {{"active", false}},
                    {{"active", true}});
    }
  }
  return *FindUserById(conn, user_id);
}

}  // namespace ordo::auth
