// The `ordo` binary's global options (--db, --actor) work before and after the subcommand, as
// the README says, and the help texts say what is true.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "cli/shell_run.h"
#include "store/query.h"
#include "store/sqlite/sqlite_connection.h"
#include "support/temp_dir.h"

namespace ordo {
namespace {

using cli_testing::Outcome;

// Runs the ordo binary with `args` (already shell-quoted where needed); with `raw`, `args` is
// the whole shell command.
Outcome Ordo(const std::string& args, bool raw = false) {
  return cli_testing::RunShell(raw ? args : std::string(ORDO_BINARY) + " " + args);
}

std::string Quoted(const std::string& path) {
  return "'" + path + "'";
}

TEST(GlobalOptionsTest, DbAfterTheSubcommand) {
  test_support::TempDir dir;
  std::string db = dir.File("after.db");
  Outcome run = Ordo("migrate --db " + Quoted(db));
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(std::filesystem::exists(db)) << run.output;
}

TEST(GlobalOptionsTest, DbBeforeTheSubcommand) {
  test_support::TempDir dir;
  std::string db = dir.File("before.db");
  Outcome run = Ordo("--db " + Quoted(db) + " migrate");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(std::filesystem::exists(db)) << run.output;
}

TEST(GlobalOptionsTest, DbAndActorAfterANestedSubcommand) {
  test_support::TempDir dir;
  std::string db = dir.File("nested.db");
  ASSERT_EQ(Ordo("migrate --db " + Quoted(db)).exit_code, 0);
  // Run from the temp directory: had --db been ignored, ./data/ordo.db would appear there.
  std::string in_dir = "cd " + Quoted(dir.path().string()) + " && ";
  Outcome added = Ordo(in_dir + "echo nested-pass-phrase-1 | " + std::string(ORDO_BINARY) +
                           " user add --username nested-user --password-stdin --role admin"
                           " --db " +
                           Quoted(db) + " --actor nested-actor",
                       /*raw=*/true);
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "data" / "ordo.db"));
  auto conn = store::OpenSqlite(db);
  store::Query q(*conn, "SELECT actor FROM audit_log WHERE action = 'user.create'");
  ASSERT_TRUE(q.Next()) << "no user.create audit row in the database given with --db";
  EXPECT_EQ(q.Text(0), "nested-actor");
}

TEST(GlobalOptionsTest, AnUnknownOptionIsStillRefused) {
  Outcome run = Ordo("migrate --no-such-option");
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.output.find("--no-such-option"), std::string::npos) << run.output;
}

TEST(HelpTextTest, ServeClaimsOnlyWhatItServes) {
  Outcome run = Ordo("serve --help");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output.find("web UI"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("HTTP API"), std::string::npos) << run.output;
}

TEST(HelpTextTest, TopLevelHelpListsTheGlobalOptions) {
  Outcome run = Ordo("--help");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("--db"), std::string::npos);
  EXPECT_NE(run.output.find("--actor"), std::string::npos);
}

}  // namespace
}  // namespace ordo
