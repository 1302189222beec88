// Changing users (user_update.h) without an acting user, as the CLI does: the last active admin
// keeps its role and stays enabled; roles and customer follow the rules of a new user.
#include "auth/user_update.h"

#include <gtest/gtest.h>

#include "auth/auth_fixture.h"
#include "auth/credential_commands.h"

namespace ordo::auth {
namespace {

using test_support::AddUser;

class UserUpdateTest : public ::testing::Test {
 protected:
  Result<UserRecord> Update(int64_t user_id, const UserPatch& patch,
                            std::optional<int64_t> acting = std::nullopt) {
    CommandContext ctx = db_.Context("cli:test");
    return db_.executor().RunFor<UserRecord>(
        [&](store::Connection& conn) { return UpdateUser(conn, ctx, user_id, patch, acting); });
  }
  Status Disable(int64_t user_id) {
    CommandContext ctx = db_.Context("cli:test");
    return db_.executor().Run(
        [&](store::Connection& conn) { return DisableUser(conn, ctx, user_id); });
  }
  std::string FirstCode(const Status& st) {
    return st.errors().empty() ? "" : st.errors().front().code;
  }
  test_support::TestDb db_;
};

TEST_F(UserUpdateTest, TheLastActiveAdminKeepsItsRoleAndStaysEnabled) {
  Principal root = AddUser(db_, "root", "quiet-harbor-41", {"admin"});
  Principal other = AddUser(db_, "other", "quiet-harbor-42", {"admin"});
  ASSERT_TRUE(Disable(other.user_id).ok());

  auto demoted = Update(root.user_id, UserPatch{.roles = std::vector<std::string>{"sales"}});
  ASSERT_EQ(demoted.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(FirstCode(demoted.status()), "last_admin");
  Status disabled = Disable(root.user_id);
  ASSERT_EQ(disabled.code(), ErrorCode::kConflict);
  EXPECT_EQ(FirstCode(disabled), "last_admin");
  EXPECT_TRUE(FindUserById(db_.reader(), root.user_id)->active);

  // With the other admin enabled again, the first may go.
  ASSERT_TRUE(Update(other.user_id, UserPatch{.disabled = false}).ok());
  auto now_sales = Update(root.user_id, UserPatch{.roles = std::vector<std::string>{"sales"}});
  ASSERT_TRUE(now_sales.ok()) << now_sales.status().ToString();
  EXPECT_EQ(now_sales->principal.roles, std::vector<Role>{Role::kSales});
}

TEST_F(UserUpdateTest, RolesAndCustomerFollowTheRulesOfANewUser) {
  Principal clerk = AddUser(db_, "clerk", "quiet-harbor-41", {"sales"});
  auto no_customer =
      Update(clerk.user_id, UserPatch{.roles = std::vector<std::string>{"customer"}});
  EXPECT_EQ(FirstCode(no_customer.status()), "required");
  auto unknown = Update(clerk.user_id, UserPatch{.roles = std::vector<std::string>{"customer"},
                                                 .customer = std::optional<std::string>("C-9")});
  EXPECT_EQ(FirstCode(unknown.status()), "unknown_customer");
  auto no_roles = Update(clerk.user_id, UserPatch{.roles = std::vector<std::string>{}});
  EXPECT_EQ(FirstCode(no_roles.status()), "required");
  EXPECT_EQ(FindUserById(db_.reader(), clerk.user_id)->principal.roles,
            std::vector<Role>{Role::kSales});
}

}  // namespace
}  // namespace ordo::auth
