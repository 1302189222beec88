// The permission table, role by role.
#include "auth/permissions.h"

#include <gtest/gtest.h>

namespace ordo::auth {
namespace {

Principal With(std::vector<Role> roles) {
  Principal p;
  p.user_id = 1;
  p.username = "someone";
  p.roles = std::move(roles);
  return p;
}

TEST(PermissionsTest, AdminMayDoEverything) {
  Principal admin = With({Role::kAdmin});
  for (auto action : KnownActions()) EXPECT_TRUE(Allowed(admin, action)) << action;
  EXPECT_TRUE(Allowed(admin, "something.new"));
}

TEST(PermissionsTest, UnknownActionsAndNoRolesAreDenied) {
  EXPECT_FALSE(Allowed(With({Role::kSales}), "something.new"));
  for (auto action : KnownActions()) EXPECT_FALSE(Allowed(With({}), action)) << action;
}

TEST(PermissionsTest, OnlyAdminManagesUsersAndItems) {
  for (Role r : AllRoles()) {
    EXPECT_EQ(RoleAllowed(r, "users.write"), r == Role::kAdmin) << RoleName(r);
    EXPECT_EQ(RoleAllowed(r, "items.write"), r == Role::kAdmin) << RoleName(r);
  }
}

TEST(PermissionsTest, Sales) {
  Principal p = With({Role::kSales});
  for (auto a : {"orders.read", "orders.place", "items.read", "customers.read", "inventory.read"}) {
    EXPECT_TRUE(Allowed(p, a)) << a;
  }
  for (auto a : {"orders.release_hold", "inventory.write", "customers.write", "audit.read"}) {
    EXPECT_FALSE(Allowed(p, a)) << a;
  }
}

TEST(PermissionsTest, SalesManagerAddsHoldReleases) {
  Principal p = With({Role::kSalesManager});
  EXPECT_TRUE(Allowed(p, "orders.place"));
  EXPECT_TRUE(Allowed(p, "orders.release_hold"));
  EXPECT_FALSE(Allowed(p, "inventory.write"));
}

TEST(PermissionsTest, OnlyTheSalesManagerReadsTheDashboardReports) {
  for (Role r : AllRoles()) {
    EXPECT_EQ(RoleAllowed(r, "reports.read"), r == Role::kSalesManager || r == Role::kAdmin)
        << RoleName(r);
  }
}

TEST(PermissionsTest, ArClerk) {
  Principal p = With({Role::kArClerk});
  EXPECT_TRUE(Allowed(p, "orders.read"));
  EXPECT_TRUE(Allowed(p, "customers.read"));
  EXPECT_TRUE(Allowed(p, "orders.release_hold"));
  EXPECT_FALSE(Allowed(p, "orders.place"));
  EXPECT_FALSE(Allowed(p, "inventory.write"));
}

TEST(PermissionsTest, Warehouse) {
  Principal p = With({Role::kWarehouse});
  EXPECT_TRUE(Allowed(p, "inventory.read"));
  EXPECT_TRUE(Allowed(p, "inventory.write"));
  EXPECT_TRUE(Allowed(p, "orders.read"));
  EXPECT_TRUE(Allowed(p, "items.read"));
  EXPECT_FALSE(Allowed(p, "orders.place"));
  EXPECT_FALSE(Allowed(p, "customers.read"));
}

TEST(PermissionsTest, CustomerPortal) {
  Principal p = With({Role::kCustomer});
  EXPECT_TRUE(Allowed(p, "orders.read"));
  EXPECT_TRUE(Allowed(p, "orders.place"));
  EXPECT_TRUE(Allowed(p, "items.read"));
  // Its own customer only: the routes answer 404 for any other (api/customer_scope.h).
  EXPECT_TRUE(Allowed(p, "customers.read"));
  for (auto a : {"orders.cancel", "orders.release_hold", "customers.write", "inventory.read",
                 "audit.read", "events.read", "users.write", "metrics.read"}) {
    EXPECT_FALSE(Allowed(p, a)) << a;
  }
}

TEST(PermissionsTest, Integration) {
  Principal p = With({Role::kIntegration});
  for (auto a : {"orders.read", "orders.place", "items.read", "inventory.read", "customers.read"}) {
    EXPECT_TRUE(Allowed(p, a)) << a;
  }
  EXPECT_FALSE(Allowed(p, "orders.release_hold"));
  EXPECT_FALSE(Allowed(p, "inventory.write"));
}

TEST(PermissionsTest, RolesCombine) {
  Principal p = With({Role::kArClerk, Role::kWarehouse});
  EXPECT_TRUE(Allowed(p, "inventory.write"));
  EXPECT_TRUE(Allowed(p, "orders.release_hold"));
  EXPECT_FALSE(Allowed(p, "orders.place"));
}

TEST(RoleTest, NamesRoundTrip) {
  for (Role r : AllRoles()) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_EQ(ParseRole("root"), std::nullopt);
  EXPECT_EQ(AllRoles().size(), 7u);
}

}  // namespace
}  // namespace ordo::auth
