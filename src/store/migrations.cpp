#include "store/migrations.h"

#include "store/query.h"
#include "store/transaction.h"

namespace ordo::store {
namespace {

const std::vector<Migration>& MigrationsFor(const Connection& conn) {
  // Only SQLite exists today; the PostgreSQL driver brings its own list.
  (void)conn;
  return SqliteMigrations();
}

void EnsureTable(Connection& conn) {
  conn.Execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
}

int CurrentVersion(Connection& conn) {
  Query q(conn, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return q.Next() ? static_cast<int>(q.Int(0)) : 0;
}

}  // namespace

Result<MigrationState> InspectSchema(Connection& conn) {
  EnsureTable(conn);
  MigrationState state;
  state.current = CurrentVersion(conn);
  const auto& all = MigrationsFor(conn);
  state.latest = all.empty() ? 0 : all.back().version;
  if (state.current > state.latest) {
    return Status::InvalidState("database schema version " + std::to_string(state.current) +
                                " is newer than this Ordo (knows up to " +
                                std::to_string(state.latest) + ")");
  }
  return state;
}

Result<MigrationState> ReadSchemaState(Connection& conn) {
  MigrationState state;
  {
    Query has(conn,
              "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = "
              "'schema_migrations'");
    if (has.Next() && has.Int(0) > 0) state.current = CurrentVersion(conn);
  }
  const auto& all = MigrationsFor(conn);
  state.latest = all.empty() ? 0 : all.back().version;
  if (state.current > state.latest) {
    return Status::InvalidState("database schema version " + std::to_string(state.current) +
                                " is newer than this Ordo");
  }
  return state;
}

Result<std::vector<int>> Migrate(Connection& conn, const Clock& clock) {
  auto state = InspectSchema(conn);
  if (!state.ok()) return state.status();
  std::vector<int> applied;
  for (const auto& m : MigrationsFor(conn)) {
    if (m.version <= state->current) continue;
    Transaction tx(conn);
    conn.Execute(m.sql);
    Exec(conn, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
         m.version, m.name, clock.Now());
    tx.Commit();
    applied.push_back(m.version);
  }
  return applied;
}

}  // namespace ordo::store
