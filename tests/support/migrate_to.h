// For migration tests: a database left at an older schema version, to fill with rows of that
// version before the later migrations run.
#pragma once

#include "store/database.h"

namespace ordo::test_support {

// Applies migrations 1..`version` the way store::Migrate() does, leaving later ones pending.
void MigrateTo(store::Connection& conn, int version);

}  // namespace ordo::test_support
