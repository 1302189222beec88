// Migrations on real SQLite files: fresh database to latest, idempotent rerun, newer refused.
#include "store/migrations.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/query.h"
#include "support/temp_dir.h"

namespace ordo::store {
namespace {

constexpr Timestamp kNow{1'772'442'000'000'000};

std::set<std::string> Tables(Connection& conn) {
  std::set<std::string> out;
  Query q(conn, "SELECT name FROM sqlite_master WHERE type = 'table'");
  while (q.Next()) out.insert(q.Text(0));
  return out;
}

int Latest() {
  return SqliteMigrations().back().version;
}

TEST(Migrations, KnownMigrationsAreNumberedFromOneWithoutGaps) {
  const auto& all = SqliteMigrations();
  ASSERT_FALSE(all.empty());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i + 1)) << all[i].name;
    EXPECT_FALSE(all[i].sql.empty()) << all[i].name;
  }
  EXPECT_EQ(all.front().name, "0001_initial");
}

TEST(Migrations, EmptyDatabaseIsAtVersionZero) {
  test_support::TempDb db;
  ConnectionPtr conn = db.Connect();
  auto state = InspectSchema(*conn);
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  EXPECT_EQ(state->current, 0);
  EXPECT_EQ(state->latest, Latest());
  EXPECT_TRUE(state->needs_migration());
}

TEST(Migrations, ReadSchemaStateWritesNothing) {
  test_support::TempDb db;
  ConnectionPtr conn = db.Connect();
  auto state = ReadSchemaState(*conn);
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  EXPECT_EQ(state->current, 0);
  EXPECT_TRUE(state->needs_migration());
  EXPECT_TRUE(Tables(*conn).empty()) << "a read-only check must not create tables";
  ManualClock clock(kNow);
  ASSERT_TRUE(Migrate(*conn, clock).ok());
  state = ReadSchemaState(*conn);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->current, Latest());
  EXPECT_FALSE(state->needs_migration());
}

TEST(Migrations, FreshDatabaseMigratesToLatest) {
  test_support::TempDb db;
  ConnectionPtr conn = db.Connect();
  ManualClock clock(kNow);
  auto applied = Migrate(*conn, clock);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  std::vector<int> all;
  for (const auto& m : SqliteMigrations()) all.push_back(m.version);
  EXPECT_EQ(*applied, all);

  auto state = InspectSchema(*conn);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->current, Latest());
  EXPECT_FALSE(state->needs_migration());
  std::set<std::string> tables = Tables(*conn);
  for (const char* t :
       {"schema_migrations", "sequences", "warehouses", "items", "item_packs", "price_tiers",
        "customers", "ship_tos", "customer_balances", "stock", "stock_movements", "orders",
        "order_lines", "order_allocations", "order_holds", "audit_log", "outbox_events"}) {
    EXPECT_TRUE(tables.count(t)) << "missing table " << t;
  }
  Query seq(*conn, "SELECT next_value FROM sequences WHERE name = 'SO'");
  ASSERT_TRUE(seq.Next());
  EXPECT_EQ(seq.Int(0), 1);
}

TEST(Migrations, RecordsEachAppliedMigrationWithNameAndTime) {
  test_support::TempDb db;
  ConnectionPtr conn = db.Connect();
  ManualClock clock(kNow);
  ASSERT_TRUE(Migrate(*conn, clock).ok());
  Query q(*conn, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
  for (const auto& m : SqliteMigrations()) {
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Int(0), m.version);
    EXPECT_EQ(q.Text(1), m.name);
    EXPECT_EQ(q.Time(2), kNow);
  }
  EXPECT_FALSE(q.Next());
}

TEST(Migrations, SecondRunAppliesNothing) {
  test_support::TempDb db;
  ManualClock clock(kNow);
  {
    ConnectionPtr conn = db.Connect();
    ASSERT_TRUE(Migrate(*conn, clock).ok());
  }
  ConnectionPtr conn = db.Connect();  // a later process
  clock.AdvanceSeconds(3600);
  auto again = Migrate(*conn, clock);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->empty());
  Query q(*conn, "SELECT COUNT(*), MAX(applied_at) FROM schema_migrations");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), static_cast<int64_t>(SqliteMigrations().size()));
  EXPECT_EQ(q.Time(1), kNow);
}

TEST(Migrations, MigrationIsDurableAcrossConnections) {
  test_support::TempDb db;
  ManualClock clock(kNow);
  {
    ConnectionPtr conn = db.Connect();
    ASSERT_TRUE(Migrate(*conn, clock).ok());
  }
  ConnectionPtr conn = db.Connect();
  auto state = InspectSchema(*conn);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->current, Latest());
  EXPECT_FALSE(state->needs_migration());
}

TEST(Migrations, NewerDatabaseIsRefusedAndLeftUntouched) {
  test_support::TempDb db;
  ConnectionPtr conn = db.Connect();
  conn->Execute(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at BIGINT NOT NULL)");
  Exec(*conn, "INSERT INTO schema_migrations VALUES (?, 'from_the_future', 1)", Latest() + 1);
  std::set<std::string> before = Tables(*conn);

  auto state = InspectSchema(*conn);
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.status().code(), ErrorCode::kInvalidState);

  ManualClock clock(kNow);
  auto applied = Migrate(*conn, clock);
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.status().code(), ErrorCode::kInvalidState);
  EXPECT_NE(applied.status().message().find(std::to_string(Latest() + 1)), std::string::npos)
      << applied.status().message();
  EXPECT_EQ(Tables(*conn), before);
  Query q(*conn, "SELECT COUNT(*) FROM schema_migrations");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), 1);
}

TEST(Migrations, PartlyMigratedDatabaseIsAtItsVersion) {
  test_support::TempDb db;
  ConnectionPtr conn = db.Connect();
  ManualClock clock(kNow);
  ASSERT_TRUE(Migrate(*conn, clock).ok());
  auto state = InspectSchema(*conn);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->current, state->latest);
  // Version numbers come from the table, not from the table count.
  Exec(*conn, "DELETE FROM schema_migrations WHERE version = ?", Latest());
  state = InspectSchema(*conn);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->current, Latest() - 1);
  EXPECT_TRUE(state->needs_migration());
}

}  // namespace
}  // namespace ordo::store
