// `ordo user ...` as a real child process over a real SQLite file: passwords come from standard
// input, a file or a prompt, never from an argument; the policy refuses weak ones; set-password
// and disable end the user's tokens; API keys are listed without their secrets and revoked.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "auth/tokens.h"
#include "cli/shell_run.h"
#include "store/query.h"
#include "store/sqlite/sqlite_connection.h"
#include "support/temp_dir.h"

namespace ordo {
namespace {

using cli_testing::Outcome;
using cli_testing::RunShell;

constexpr Timestamp kNow{1'772'442'000'000'000};

class UserCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("users.db");
    ASSERT_EQ(Ordo("migrate").exit_code, 0);
  }
  // `ordo ARGS --db <the test's file>`, with `input` on standard input.
  Outcome Ordo(const std::string& args, const std::string& input = "") {
    std::string feed = input.empty() ? "" : "printf '%s\\n' '" + input + "' | ";
    return RunShell(feed + std::string(ORDO_BINARY) + " " + args + " --db '" + db_ + "'");
  }
  bool CanLogIn(const std::string& username, const std::string& password) {
    auto conn = store::OpenSqlite(db_);
    return auth::VerifyCredentials(*conn, username, password).ok();
  }
  std::string Token(const std::string& username, const std::string& password) {
    auto conn = store::OpenSqlite(db_);
    auto t = auth::IssueToken(*conn, username, password, kNow);
    return t.ok() ? t->token : "";
  }
  bool TokenWorks(const std::string& token) {
    auto conn = store::OpenSqlite(db_);
    return auth::Authenticate(*conn, token, kNow).ok();
  }
  int64_t Users() {
    auto conn = store::OpenSqlite(db_);
    store::Query q(*conn, "SELECT COUNT(*) FROM users");
    q.Next();
    return q.Int(0);
  }

  test_support::TempDir dir_;
  std::string db_;
};

TEST_F(UserCommandTest, AddReadsThePasswordFromStandardInput) {
  Outcome added =
      Ordo("user add --username ann --role sales --password-stdin", "river-stone-pass-9");
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_TRUE(CanLogIn("ann", "river-stone-pass-9"));
}

TEST_F(UserCommandTest, AddReadsThePasswordFromAFile) {
  std::string file = dir_.File("pw.txt");
  std::ofstream(file) << "river-stone-pass-9\n";
  Outcome added = Ordo("user add --username ann --role sales --password-file '" + file + "'");
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_TRUE(CanLogIn("ann", "river-stone-pass-9"));
}

TEST_F(UserCommandTest, APasswordArgumentIsRefused) {
  Outcome added = Ordo("user add --username ann --role sales --password river-stone-pass-9");
  EXPECT_NE(added.exit_code, 0) << added.output;
  EXPECT_EQ(Users(), 0);
}

TEST_F(UserCommandTest, WithoutATerminalOrAnOptionNothingIsAsked) {
  Outcome added = Ordo("user add --username ann --role sales < /dev/null");
  EXPECT_EQ(added.exit_code, 1) << added.output;
  EXPECT_NE(added.output.find("--password-stdin"), std::string::npos) << added.output;
  EXPECT_EQ(Users(), 0);
}

TEST_F(UserCommandTest, AWeakPasswordIsRefusedNamingTheField) {
  for (std::string weak : {"short-pw", "password1234"}) {
    Outcome added = Ordo("user add --username ann --role sales --password-stdin", weak);
    EXPECT_EQ(added.exit_code, 1) << added.output;
    auto problem = nlohmann::json::parse(added.output, nullptr, false);
    ASSERT_FALSE(problem.is_discarded()) << added.output;
    EXPECT_EQ(problem["code"], "weak_password") << weak;
    EXPECT_EQ(problem["errors"][0]["field"], "password");
  }
  EXPECT_EQ(Users(), 0);
}

TEST_F(UserCommandTest, SetPasswordEndsTheUsersTokens) {
  ASSERT_EQ(
      Ordo("user add --username ann --role sales --password-stdin", "river-stone-pass-9").exit_code,
      0);
  std::string token = Token("ann", "river-stone-pass-9");
  ASSERT_TRUE(TokenWorks(token));
  Outcome set = Ordo("user set-password ann --password-stdin", "meadow-lark-pass-4");
  ASSERT_EQ(set.exit_code, 0) << set.output;
  EXPECT_FALSE(TokenWorks(token));
  EXPECT_FALSE(CanLogIn("ann", "river-stone-pass-9"));
  EXPECT_TRUE(CanLogIn("ann", "meadow-lark-pass-4"));
  EXPECT_EQ(Ordo("user set-password ann --password-stdin", "qwerty123456").exit_code, 1);
  EXPECT_EQ(Ordo("user set-password nobody --password-stdin", "meadow-lark-pass-5").exit_code, 1);
}

TEST_F(UserCommandTest, DisableEndsLoginsAndTokens) {
  ASSERT_EQ(
      Ordo("user add --username ann --role sales --password-stdin", "river-stone-pass-9").exit_code,
      0);
  std::string token = Token("ann", "river-stone-pass-9");
  Outcome disabled = Ordo("user disable ann");
  ASSERT_EQ(disabled.exit_code, 0) << disabled.output;
  EXPECT_FALSE(TokenWorks(token));
  EXPECT_FALSE(CanLogIn("ann", "river-stone-pass-9"));
}

TEST_F(UserCommandTest, SetRolesAndEnableFollowTheApisRules) {
  ASSERT_EQ(
      Ordo("user add --username ann --role sales --password-stdin", "river-stone-pass-9").exit_code,
      0);
  std::string token = Token("ann", "river-stone-pass-9");
  Outcome portal = Ordo("user set-roles ann --role customer");
  EXPECT_EQ(portal.exit_code, 1) << portal.output;
  EXPECT_NE(portal.output.find("\"customer\""), std::string::npos) << portal.output;
  EXPECT_TRUE(TokenWorks(token));

  Outcome manager = Ordo("user set-roles ann --role sales --role sales_manager");
  ASSERT_EQ(manager.exit_code, 0) << manager.output;
  EXPECT_EQ(nlohmann::json::parse(manager.output)["roles"],
            nlohmann::json::array({"sales", "sales_manager"}));
  EXPECT_FALSE(TokenWorks(token));

  ASSERT_EQ(Ordo("user disable ann").exit_code, 0);
  EXPECT_FALSE(CanLogIn("ann", "river-stone-pass-9"));
  Outcome enabled = Ordo("user enable ann");
  ASSERT_EQ(enabled.exit_code, 0) << enabled.output;
  EXPECT_TRUE(CanLogIn("ann", "river-stone-pass-9"));
}

TEST_F(UserCommandTest, TheLastActiveAdminCannotBeDisabled) {
  ASSERT_EQ(Ordo("user add --username root --role admin --password-stdin", "river-stone-pass-9")
                .exit_code,
            0);
  Outcome refused = Ordo("user disable root");
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("last_admin"), std::string::npos) << refused.output;
  EXPECT_TRUE(CanLogIn("root", "river-stone-pass-9"));
}

TEST_F(UserCommandTest, ApiKeysAreListedWithoutSecretsAndRevoked) {
  ASSERT_EQ(
      Ordo("user add --username edi --role integration --password-stdin", "river-stone-pass-9")
          .exit_code,
      0);
  Outcome made =
      Ordo("user api-key --username edi --name gateway --expires-at 2030-01-01T00:00:00Z");
  ASSERT_EQ(made.exit_code, 0) << made.output;
  auto key = nlohmann::json::parse(made.output);
  std::string secret = key["key"];
  EXPECT_EQ(key["expires_at"], "2030-01-01T00:00:00Z");
  EXPECT_TRUE(TokenWorks(secret));

  Outcome list = Ordo("user api-keys --username edi");
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_EQ(list.output.find(secret.substr(11)), std::string::npos) << "the secret is listed";
  auto keys = nlohmann::json::parse(list.output);
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0]["prefix"], secret.substr(0, 11));
  EXPECT_TRUE(keys[0]["revoked_at"].is_null());

  std::string id = std::to_string(key["id"].get<int64_t>());
  ASSERT_EQ(Ordo("user revoke-api-key " + id).exit_code, 0);
  EXPECT_FALSE(TokenWorks(secret));
  EXPECT_FALSE(nlohmann::json::parse(Ordo("user api-keys").output)[0]["revoked_at"].is_null());
  EXPECT_EQ(Ordo("user revoke-api-key " + id).exit_code, 1);
}

}  // namespace
}  // namespace ordo
