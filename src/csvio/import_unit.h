// Applying a whole file as one unit of work, and the outcome of an import.
//
// A file is applied only when reading it found no problem. Then every record goes through its
// domain command inside ONE executor command: a record the domain rejects (a SKU already in
// the database, an unknown warehouse) adds errors at its line, the remaining records are still
// tried so that all such problems are reported, and the command then fails, which rolls back
// everything it wrote. Either the whole file is imported or nothing is.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

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

// Applies record `index`, adding the domain's rejections to `errors`.
using ApplyRecord =
    std::function<void(store::Connection& conn, size_t index, ImportErrors& errors)>;

// Applies `count` records in one command unless `errors` already has problems. A record whose
// command throws is reported at line_of(index) and ends the import.
ImportReport ApplyAsOneCommand(store::CommandExecutor& executor, ImportErrors& errors, size_t count,
                               const std::function<int(size_t)>& line_of, const ApplyRecord& apply);

}  // namespace ordo::csvio
