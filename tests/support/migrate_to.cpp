#include "support/migrate_to.h"

#include <stdexcept>

#include "store/migrations.h"
#include "store/query.h"

namespace ordo::test_support {

void MigrateTo(store::Connection& conn, int version) {
  auto state = store::InspectSchema(conn);  // creates schema_migrations
  if (!state.ok()) throw std::runtime_error(state.status().ToString());
  for (const auto& m : store::SqliteMigrations()) {
    if (m.version > version) break;
    conn.Execute(m.sql);
    store::Exec(conn, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 0)",
                m.version, m.name);
  }
}

}  // namespace ordo::test_support
