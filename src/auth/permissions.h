// The permission table: which roles may perform which action.
//
// Actions are stable strings "<resource>.<verb>" ("orders.place"). One table in permissions.cpp
// lists, per action, the roles allowed; admin may do everything. Ownership is not checked here:
// a customer-role principal is allowed "orders.read", and the route must still limit it to its
// own customer_id (answering 404 for anything else).
#pragma once

#include <string_view>
#include <vector>

#include "auth/principal.h"
#include "auth/role.h"

namespace ordo::auth {

// True when one of the principal's roles may perform `action`. Unknown actions are allowed to
// admin only.
bool Allowed(const Principal& principal, std::string_view action);

// True when `role` may perform `action`.
bool RoleAllowed(Role role, std::string_view action);

// Every action in the table, in table order.
std::vector<std::string_view> KnownActions();

}  // namespace ordo::auth
