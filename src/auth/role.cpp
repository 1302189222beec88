#include "auth/role.h"

#include <array>
#include <utility>

namespace ordo::auth {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 7> kNames = {{
    {Role::kAdmin, "admin"},
    {Role::kSales, "sales"},
    {Role::kSalesManager, "sales_manager"},
    {Role::kWarehouse, "warehouse"},
    {Role::kArClerk, "ar_clerk"},
    {Role::kCustomer, "customer"},
    {Role::kIntegration, "integration"},
}};

}  // namespace

std::string_view RoleName(Role role) {
  for (const auto& [r, name] : kNames) {
    if (r == role) return name;
  }
  return "unknown";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [r, n] : kNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

const std::vector<Role>& AllRoles() {
  static const std::vector<Role> kAll = [] {
    std::vector<Role> all;
    for (const auto& entry : kNames) all.push_back(entry.first);
    return all;
  }();
  return kAll;
}

}  // namespace ordo::auth
