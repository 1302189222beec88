#include "auth/user_list.h"

#include <algorithm>
#include <string_view>

#include "customers/customer_queries.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::auth {
namespace {

// Each filter is bound twice: NULL switches it off.
constexpr std::string_view kListSql =
    "SELECT u.id, u.username, u.customer_id, u.active, u.created_at, "
    "(SELECT group_concat(r.role, ',') FROM user_roles r WHERE r.user_id = u.id), "
    "(SELECT MAX(t.created_at) FROM auth_tokens t WHERE t.user_id = u.id) "
    "FROM users u WHERE u.id > ? "
    "AND (? IS NULL OR u.active = ?) "
    "AND (? IS NULL OR u.id = ?) "
    "AND (? IS NULL OR EXISTS (SELECT 1 FROM user_roles f WHERE f.user_id = u.id AND f.role = ?)) "
    "ORDER BY u.id LIMIT ?";

std::vector<Role> RolesOf(std::string_view names) {
  std::vector<Role> roles;
  while (!names.empty()) {
    size_t comma = names.find(',');
    if (auto role = ParseRole(names.substr(0, comma))) roles.push_back(*role);
    names = comma == std::string_view::npos ? "" : names.substr(comma + 1);
  }
  std::sort(roles.begin(), roles.end());
  return roles;
}

}  // namespace

std::vector<UserSummary> ListUsers(store::Connection& conn, const UserFilter& filter, int64_t after,
                                   int limit) {
  std::optional<std::string> role;
  if (filter.role) role = std::string(RoleName(*filter.role));
  std::vector<UserSummary> out;
  {
    store::Query q(conn, kListSql, after, filter.active, filter.active, filter.only, filter.only,
                   role, role, limit);
    while (q.Next()) {
      store::RowReader r(q);
      UserSummary u;
      u.id = r.Int();
      u.username = r.Text();
      u.customer_id = r.OptId<CustomerId>();
      u.active = r.Bool();
      u.created_at = r.Time();
      u.roles = RolesOf(r.OptText().value_or(""));
      u.last_sign_in_at = r.OptTime();
      out.push_back(std::move(u));
    }
  }
  std::vector<CustomerId> customer_ids;
  for (const auto& u : out) {
    if (u.customer_id) customer_ids.push_back(*u.customer_id);
  }
  if (customer_ids.empty()) return out;
  auto codes = customers::CustomerCodes(conn, customer_ids);
  for (auto& u : out) {
    if (!u.customer_id) continue;
    if (auto it = codes.find(*u.customer_id); it != codes.end()) u.customer = it->second;
  }
  return out;
}

std::optional<UserSummary> FindUserSummary(store::Connection& conn, int64_t user_id) {
  auto found = ListUsers(conn, UserFilter{.only = user_id}, 0, 1);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

}  // namespace ordo::auth
