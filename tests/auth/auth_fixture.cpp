#include "auth/auth_fixture.h"

#include <stdexcept>

namespace ordo::test_support {

Result<auth::Principal> TryAddUser(TestDb& db, const auth::NewUser& user) {
  CommandContext ctx = db.Context("user:admin");
  return db.executor().RunFor<auth::Principal>([&](store::Connection& conn) {
    return auth::CreateUser(conn, ctx, user, auth::kTestPasswordCost);
  });
}

auth::Principal AddUser(TestDb& db, const std::string& username, const std::string& password,
                        std::vector<std::string> roles, std::optional<std::string> customer) {
  auto r = TryAddUser(db, {username, password, std::move(roles), std::move(customer)});
  if (!r.ok()) throw std::runtime_error("AddUser: " + r.status().ToString());
  return std::move(r).value();
}

}  // namespace ordo::test_support
