// Helpers for auth tests: create users cheaply (the test password cost) through the executor.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.h"
#include "auth/user_commands.h"
#include "support/test_db.h"

namespace ordo::test_support {

// Creates a user with kTestPasswordCost; throws std::runtime_error when the command fails.
auth::Principal AddUser(TestDb& db, const std::string& username, const std::string& password,
                        std::vector<std::string> roles,
                        std::optional<std::string> customer = std::nullopt);

// The CreateUser result, for tests of its failures.
Result<auth::Principal> TryAddUser(TestDb& db, const auth::NewUser& user);

}  // namespace ordo::test_support
