// Creating users: validation (every bad field at once), customer users, conflicts, audit.
#include "auth/user_commands.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "audit/audit_log.h"
#include "auth/auth_fixture.h"
#include "auth/password.h"

namespace ordo::auth {
namespace {

using test_support::AddUser;
using test_support::TryAddUser;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::UnorderedElementsAre;

auto FieldIs(const std::string& field, const std::string& code) {
  return ::testing::AllOf(Field(&FieldError::field, field), Field(&FieldError::code, code));
}

TEST(UserCommandsTest, CreatesUserWithSortedUniqueRoles) {
  test_support::TestDb db;
  Principal p = AddUser(db, "alice", "quiet-harbor-41", {"sales_manager", "sales", "sales"});
  EXPECT_GT(p.user_id, 0);
  EXPECT_EQ(p.username, "alice");
  EXPECT_THAT(p.roles, ElementsAre(Role::kSales, Role::kSalesManager));
  EXPECT_FALSE(p.customer_id);

  auto stored = FindUserByName(db.reader(), "alice");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->principal.user_id, p.user_id);
  EXPECT_THAT(stored->principal.roles, ElementsAre(Role::kSales, Role::kSalesManager));
  EXPECT_TRUE(stored->active);
  EXPECT_TRUE(VerifyPassword("quiet-harbor-41", stored->password_hash));
  EXPECT_EQ(db.Count("user_roles"), 2);
}

TEST(UserCommandsTest, ReportsEveryBadFieldAtOnce) {
  test_support::TestDb db;
  auto r = TryAddUser(db, {"a b", "short", {"sales", "root", ""}, std::string("C-1")});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(
      r.status().errors(),
      UnorderedElementsAre(FieldIs("username", "invalid"), FieldIs("password", "weak_password"),
                           FieldIs("roles/1", "unknown_role"), FieldIs("roles/2", "unknown_role"),
                           FieldIs("customer", "not_allowed")));
  EXPECT_EQ(db.Count("users"), 0);
}

TEST(UserCommandsTest, UsernameLimits) {
  EXPECT_TRUE(ValidateNewUser({"abc", "long-enough-pass-1", {"sales"}, {}}).ok());
  EXPECT_TRUE(ValidateNewUser({std::string(64, 'x'), "long-enough-pass-1", {"sales"}, {}}).ok());
  EXPECT_TRUE(ValidateNewUser({"jo.smith-2@acme_co", "long-enough-pass-1", {"sales"}, {}}).ok());
  EXPECT_FALSE(ValidateNewUser({"ab", "long-enough-pass-1", {"sales"}, {}}).ok());
  EXPECT_FALSE(ValidateNewUser({std::string(65, 'x'), "long-enough-pass-1", {"sales"}, {}}).ok());
  EXPECT_FALSE(ValidateNewUser({"bob;drop", "long-enough-pass-1", {"sales"}, {}}).ok());
  auto no_roles = ValidateNewUser({"bob", "long-enough-pass-1", {}, {}});
  EXPECT_THAT(no_roles.errors(), ElementsAre(FieldIs("roles", "required")));
}

TEST(UserCommandsTest, CustomerUserNeedsAnExistingCustomer) {
  test_support::TestDb db;
  db.AddCustomer(test_support::SimpleCustomer("C-1", "1000.00"));

  auto missing = TryAddUser(db, {"portal1", "quiet-harbor-41", {"customer"}, std::nullopt});
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().errors(), ElementsAre(FieldIs("customer", "required")));

  auto unknown = TryAddUser(db, {"portal1", "quiet-harbor-41", {"customer"}, std::string("C-404")});
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(unknown.status().errors(), ElementsAre(FieldIs("customer", "unknown_customer")));

  Principal p = AddUser(db, "portal1", "quiet-harbor-41", {"customer"}, "C-1");
  ASSERT_TRUE(p.customer_id);
  EXPECT_EQ(p.customer_id->value(), db.QueryInt("SELECT id FROM customers WHERE code = 'C-1'"));
  auto stored = FindUserById(db.reader(), p.user_id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->principal.customer_id, p.customer_id);
}

TEST(UserCommandsTest, DuplicateUsernameIsAConflict) {
  test_support::TestDb db;
  AddUser(db, "alice", "quiet-harbor-41", {"sales"});
  auto again = TryAddUser(db, {"alice", "other-secret", {"warehouse"}, std::nullopt});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(db.Count("users"), 1);
}

TEST(UserCommandsTest, AuditRecordHasNoSecrets) {
  test_support::TestDb db;
  Principal p = AddUser(db, "alice", "quiet-harbor-41", {"sales"});
  auto records = audit::ForEntity(db.reader(), "user", p.user_id);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].action, "user.create");
  EXPECT_EQ(records[0].actor, "user:admin");
  std::string text = records[0].after.dump();
  EXPECT_EQ(records[0].after["username"], "alice");
  EXPECT_EQ(text.find("quiet-harbor-41"), std::string::npos);
  EXPECT_EQ(text.find("argon2"), std::string::npos);
  EXPECT_FALSE(records[0].after.contains("password_hash"));
}

}  // namespace
}  // namespace ordo::auth
