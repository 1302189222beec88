// The problems of one import, each placed on the line and column it came from.
//
// Errors are addressed by column name; the column's position in the file comes from the
// table. Domain commands report problems as field paths ("pack_sizes/0/uom", "lines/0/sku");
// an import supplies a Locate function that says which line and column a path belongs to.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "csvio/csv_error.h"
#include "csvio/csv_table.h"

namespace ordo::csvio {

// Where a domain field path belongs: a line, a column name (or the path itself when it is no
// column), and text to put before the message ("pack 2: ").
struct CellRef {
  int line = 0;
  std::string field;
  std::string prefix;
};
using Locate = std::function<CellRef(std::string_view path)>;

class ImportErrors {
 public:
  // Starts with the table's syntax and header errors. `table` must outlive this.
  explicit ImportErrors(const CsvTable& table);

  void Add(int line, std::string_view field, std::string code, std::string message);
  // Whether the cell already has an error.
  bool Has(int line, std::string_view field) const;
  // Adds each field error of a non-OK `status` where `locate` puts it, skipping cells that
  // already have an error (a value that could not be read is not also reported as invalid)
  // and repeats of one code in one cell.
  // A status without field errors becomes one error on locate("")'s line, coded by its
  // ErrorCode.
  void AddStatus(const Status& status, const Locate& locate);

  bool empty() const { return errors_.empty(); }
  void Clear() {
    errors_.clear();
    cells_.clear();
  }
  // Every error, by line then column.
  std::vector<CsvError> Sorted() const;

 private:
  const CsvTable& table_;
  std::vector<CsvError> errors_;
  std::set<std::pair<int, std::string>> cells_;
};

// The first segment of a field path: "pack_sizes" for "pack_sizes/0/uom".
std::string_view PathHead(std::string_view path);
// The second segment, as an index: 0 for "pack_sizes/0/uom"; -1 when there is none.
int PathIndex(std::string_view path);
// The last segment: "uom" for "pack_sizes/0/uom".
std::string_view PathTail(std::string_view path);

}  // namespace ordo::csvio
