// The SQLite driver of the database port.
//
// Opens the file in WAL mode with synchronous=FULL by default (a commit is on disk when
// Commit() returns), foreign keys on, and a busy timeout so that a second process waits for
// the write lock instead of failing at once. Prepared statements are cached per SQL text.
#pragma once

#include <string>

#include "store/database.h"

namespace ordo::store {

struct SqliteOptions {
  // "FULL" (durable on return from Commit), "NORMAL" or "OFF"; tests of durability keep FULL.
  std::string synchronous = "FULL";
  int busy_timeout_ms = 10'000;
  bool read_only = false;
  // For read connections beside the command executor's writer: SQLite refuses any write
  // through them (SQLITE_READONLY), so a write can never bypass the executor or hold the write
  // lock behind its back.
  bool query_only = false;
};

// Opens (creating when missing, unless read_only) the database at `path`.
// Throws StoreError when the file cannot be opened.
ConnectionPtr OpenSqlite(const std::string& path, const SqliteOptions& options = {});

}  // namespace ordo::store
