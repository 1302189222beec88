#include "auth/user_commands.h"

#include <algorithm>

#include "audit/audit_log.h"
#include "auth/password_policy.h"
#include "auth/user_json.h"
#include "core/field_path.h"
#include "core/resource_ref.h"
#include "customers/customer_repository.h"
#include "store/query.h"

namespace ordo::auth {
namespace {

bool IsSafeUsername(std::string_view name) {
  if (name.size() < 3 || name.size() > 64) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-' || c == '@';
  });
}

std::vector<Role> LoadRoles(store::Connection& conn, int64_t user_id) {
  std::vector<Role> roles;
  store::Query q(conn, "SELECT role FROM user_roles WHERE user_id = ?", user_id);
  while (q.Next()) {
    if (auto r = ParseRole(q.Text(0))) roles.push_back(*r);
  }
  std::sort(roles.begin(), roles.end());
  return roles;
}

std::optional<UserRecord> LoadUser(store::Connection& conn, std::string_view where,
                                   const auto& key) {
  std::string sql = "SELECT id, username, password_hash, customer_id, active FROM users WHERE " +
                    std::string(where);
  std::optional<UserRecord> user;
  {
    store::Query q(conn, sql, key);
    if (!q.Next()) return std::nullopt;
    user.emplace();
    user->principal.user_id = q.Int(0);
    user->principal.username = q.Text(1);
    user->password_hash = q.Text(2);
    if (auto c = q.OptInt(3)) user->principal.customer_id = CustomerId(*c);
    user->active = q.Bool(4);
  }
  user->principal.roles = LoadRoles(conn, user->principal.user_id);
  return user;
}

// The field errors of everything but the password: username, role names, and a customer
// exactly for the customer role (RolesAndCustomerErrors).
std::vector<FieldError> UserFieldErrors(const NewUser& in) {
  std::vector<FieldError> errors;
  if (!IsSafeUsername(in.username)) {
    errors.push_back({"username", "invalid", "a username is 3 to 64 letters, digits or . _ - @"});
  }
  for (auto& e : RolesAndCustomerErrors(in.roles, in.customer)) {
    errors.push_back(std::move(e));
  }
  return errors;
}

// The id of the customer the new user names, when it has one and no error was found at
// "customer" already; an unknown code is added to `errors`.
std::optional<CustomerId> ResolveCustomer(store::Connection& conn, const NewUser& in,
                                          std::vector<FieldError>& errors) {
  if (!in.customer) return std::nullopt;
  if (std::any_of(errors.begin(), errors.end(),
                  [](const FieldError& e) { return e.field == "customer"; })) {
    return std::nullopt;
  }
  if (auto customer = customers::FindCustomerByCode(conn, *in.customer)) return customer->id;
  errors.push_back({"customer", "unknown_customer", "no customer " + *in.customer});
  return std::nullopt;
}

Status UsernameFree(store::Connection& conn, const std::string& username) {
  if (!FindUserByName(conn, username)) return Status::Ok();
  return Status(ErrorCode::kConflict, "a user named " + username + " exists",
                {{"username", "duplicate", "username " + username + " is taken"}});
}

}  // namespace

std::vector<FieldError> RolesAndCustomerErrors(const std::vector<std::string>& roles,
                                               const std::optional<std::string>& customer) {
  std::vector<FieldError> errors;
  bool is_customer = false;
  if (roles.empty()) errors.push_back({"roles", "required", "at least one role is required"});
  for (size_t i = 0; i < roles.size(); ++i) {
    auto role = ParseRole(roles[i]);
    if (!role) {
      errors.push_back({ElementPath("roles", i), "unknown_role", "no role " + roles[i]});
    } else if (*role == Role::kCustomer) {
      is_customer = true;
    }
  }
  if (is_customer && (!customer || customer->empty())) {
    errors.push_back({"customer", "required", "a customer user needs a customer code"});
  } else if (!is_customer && customer) {
    errors.push_back({"customer", "not_allowed", "only a customer user belongs to a customer"});
  }
  return errors;
}

Status ValidateNewUser(const NewUser& in) {
  std::vector<FieldError> errors = UserFieldErrors(in);
  if (auto weak = PasswordPolicyError(in.password, "password")) {
    // After the username's error, where a form shows the password.
    bool bad_name = !errors.empty() && errors.front().field == "username";
    errors.insert(errors.begin() + (bad_name ? 1 : 0), *weak);
  }
  if (!errors.empty()) return FieldErrorsStatus("the user has invalid fields", errors);
  return Status::Ok();
}

Status CheckNewUser(store::Connection& conn, const NewUser& in) {
  Status st = ValidateNewUser(in);
  std::vector<FieldError> errors = st.errors();
  ResolveCustomer(conn, in, errors);
  if (!errors.empty()) return FieldErrorsStatus("the user has invalid fields", std::move(errors));
  return UsernameFree(conn, in.username);
}

Result<Principal> InsertUser(store::Connection& conn, const CommandContext& ctx, const NewUser& in,
                             const std::string& password_hash) {
  std::vector<FieldError> errors = UserFieldErrors(in);
  std::optional<CustomerId> customer_id = ResolveCustomer(conn, in, errors);
  if (!errors.empty()) return Status::InvalidArgument("the user has invalid fields", errors);
  if (Status free = UsernameFree(conn, in.username); !free.ok()) return free;
  Principal p;
  p.username = in.username;
  p.customer_id = customer_id;
  {
    store::Query q(conn,
                   "INSERT INTO users (username, password_hash, customer_id, active, created_at) "
                   "VALUES (?, ?, ?, 1, ?) RETURNING id",
                   in.username, password_hash, customer_id, ctx.now);
    q.Next();
    p.user_id = q.Int(0);
  }
  for (const auto& name : in.roles) p.roles.push_back(*ParseRole(name));
  std::sort(p.roles.begin(), p.roles.end());
  p.roles.erase(std::unique(p.roles.begin(), p.roles.end()), p.roles.end());
  for (Role r : p.roles) {
    store::Exec(conn, "INSERT INTO user_roles (user_id, role) VALUES (?, ?)", p.user_id,
                RoleName(r));
  }
  audit::Record(conn, ctx, "user.create", "user", p.user_id, nullptr, ToJson(p));
  return p;
}

Result<Principal> CreateUser(store::Connection& conn, const CommandContext& ctx, const NewUser& in,
                             const PasswordCost& cost) {
  if (Status st = CheckNewUser(conn, in); !st.ok()) return st;
  return InsertUser(conn, ctx, in, HashPassword(in.password, cost));
}

std::optional<UserRecord> FindUserByName(store::Connection& conn, std::string_view username) {
  return LoadUser(conn, "username = ?", username);
}

std::optional<UserRecord> FindUserById(store::Connection& conn, int64_t user_id) {
  return LoadUser(conn, "id = ?", user_id);
}

std::optional<UserRecord> FindUserByRef(store::Connection& conn, std::string_view ref) {
  if (auto user = FindUserByName(conn, ref)) return user;
  ResourceRef parsed = ParseResourceRef(ref);
  if (parsed.id) return FindUserById(conn, *parsed.id);
  return std::nullopt;
}

}  // namespace ordo::auth
