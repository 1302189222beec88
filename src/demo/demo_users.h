// The demo distributor's users: one per role, with the passwords the README lists, so that a
// new user of `make run` can log in at once. Never for a real database.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "store/command_executor.h"

namespace ordo::demo {

struct DemoUser {
  std::string username;
  std::string password;
  std::string role;
  std::string customer;  // for the portal user
};

// admin, sales, manager, arclerk, warehouse, portal (customer C-1001) and integration.
const std::vector<DemoUser>& DemoUsers();

// Creates DemoUsers(). REQUIRES: the demo customers exist. Errors: those of CreateUser.
Status CreateDemoUsers(store::CommandExecutor& exec, Timestamp now);

}  // namespace ordo::demo
