// Roles: what kind of work a user does. The wire names (RoleName) are stable.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace ordo::auth {

enum class Role {
  kAdmin,         // everything, including user management
  kSales,         // order entry
  kSalesManager,  // order entry plus approvals (hold releases)
  kWarehouse,     // stock and fulfilment
  kArClerk,       // accounts receivable: credit holds
  kCustomer,      // the customer portal: its own customer only
  kIntegration,   // machine clients (EDI, e-commerce) using API keys
};

// "admin", "sales", "sales_manager", "warehouse", "ar_clerk", "customer", "integration".
std::string_view RoleName(Role role);
// The role for a wire name; nullopt for an unknown name.
std::optional<Role> ParseRole(std::string_view name);
// Every role, in declaration order.
const std::vector<Role>& AllRoles();

}  // namespace ordo::auth
