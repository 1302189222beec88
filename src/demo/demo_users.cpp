#include "demo/demo_users.h"

#include "auth/user_commands.h"

namespace ordo::demo {

const std::vector<DemoUser>& DemoUsers() {
  static const std::vector<DemoUser> kUsers = {
      {"admin", "admin-demo-1", "admin", ""},
      {"sales", "sales-demo-1", "sales", ""},
      {"manager", "manager-demo-1", "sales_manager", ""},
      {"arclerk", "arclerk-demo-1", "ar_clerk", ""},
      {"warehouse", "warehouse-demo-1", "warehouse", ""},
      {"portal", "portal-demo-1", "customer", "C-1001"},
      {"integration", "integration-demo-1", "integration", ""},
  };
  return kUsers;
}

Status CreateDemoUsers(store::CommandExecutor& exec, Timestamp now) {
  CommandContext ctx{"user:admin", "", now};
  for (const auto& u : DemoUsers()) {
    auth::NewUser user{u.username, u.password, {u.role}, std::nullopt};
    if (!u.customer.empty()) user.customer = u.customer;
    Status st =
        exec.Run([&](store::Connection& c) { return auth::CreateUser(c, ctx, user).status(); });
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace ordo::demo
