// Numbered, forward-only schema migrations.
//
// Each migration is a SQL file `src/store/migrations/<backend>/NNNN_name.sql`, embedded in the
// binary at build time. The table schema_migrations records what has been applied; Migrate()
// applies the rest in order, each in its own transaction. A database that has a migration this
// binary does not know (it was written by a newer Ordo) is refused, never touched.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::store {

struct Migration {
  int version;
  std::string name;
  std::string sql;
};

const std::vector<Migration>& SqliteMigrations();

struct MigrationState {
  int current = 0;  // highest applied version, 0 for an empty database
  int latest = 0;   // highest version this binary knows
  bool needs_migration() const { return current < latest; }
};

// What the database has applied. Fails (failed_precondition-like invalid_state) when it is
// newer than this binary.
Result<MigrationState> InspectSchema(Connection& conn);

// The same, without writing anything (a database never migrated is at version 0): for health
// checks on read connections.
Result<MigrationState> ReadSchemaState(Connection& conn);

// Applies every pending migration. Returns the versions applied (empty when up to date).
Result<std::vector<int>> Migrate(Connection& conn, const Clock& clock);

}  // namespace ordo::store
