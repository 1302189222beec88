// Applying a whole file as one unit of work, and the outcome of an import.
//
// An import runs in two steps, so that the API can read a file on its worker and apply it on
// the writer like any other command, and the CLI can do both at once:
//   1. Prepare (PrepareItems, PrepareCustomers, PrepareStock): read and check the file, with
//      no database; the problems found are in PreparedImport::errors.
//   2. Apply, only when step 1 found nothing: every record goes through its domain command
//      inside ONE command (unit of work). A record the domain rejects (a SKU already in the
//      database, an unknown warehouse) adds errors at its line, the remaining records are
//      still tried so that all such problems are reported, and the command then fails, which
//      rolls back everything it wrote. Either the whole file is imported or nothing is.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/command_context.h"
#include "csvio/csv_error.h"
#include "csvio/import_errors.h"
#include "store/command_executor.h"
#include "store/database.h"

namespace ordo::csvio {

struct ImportReport {
  int64_t imported = 0;          // records committed: items, customers or receipts
  std::vector<CsvError> errors;  // by line; when not empty, nothing was imported
  bool ok() const { return errors.empty(); }
};

// The command of a prepared file: applies every record with `ctx` on `conn`. On success the
// records are written (to be committed by the caller's unit of work). When the domain
// rejected any record it returns invalid_argument and fills `rejected` (by line); a record
// whose command threw ends it with internal (or conflict for a unique key) and that record's
// line in `rejected`. Either way the caller must roll back (the executor does for a failed
// command). It may be run again (the executor re-runs commands after a failed batch).
using ApplyFile = std::function<Status(store::Connection& conn, const CommandContext& ctx,
                                       std::vector<CsvError>& rejected)>;

// A file read and checked. Owns what reading made (the table, the records), so `apply` may
// run later on another thread; copies share it.
struct PreparedImport {
  std::vector<CsvError> errors;  // problems found reading the file (by line); apply only when empty
  int64_t records = 0;           // what `apply` creates: items, customers or receipts
  ApplyFile apply;
};

// Applies record `index` with `ctx`, adding the domain's rejections to `errors`.
using ApplyRecord = std::function<void(store::Connection& conn, const CommandContext& ctx,
                                       size_t index, ImportErrors& errors)>;

// The PreparedImport of `count` records read into `state` (which holds `errors` and what
// `line_of` and `apply` read): errors is `errors` sorted, and apply runs every record.
PreparedImport PrepareRecords(std::shared_ptr<const void> state, ImportErrors& errors, size_t count,
                              std::function<int(size_t)> line_of, ApplyRecord apply);

// Applies `prepared` with `executor` as one command (the CLI's and the tests' way); a
// failure of the commit itself is reported on line 0.
ImportReport RunImport(store::CommandExecutor& executor, const CommandContext& ctx,
                       const PreparedImport& prepared);

}  // namespace ordo::csvio
