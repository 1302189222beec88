// A CSV file with a header row, read against the columns an import expects.
//
// The first record is the header. Column names are matched case-insensitively after trimming
// spaces and tabs, in any order; a name the import does not know ("unknown_column"), a name
// given twice ("duplicate_column") and a required name that is absent ("missing_column") are
// errors on the header line. Each later record becomes a row whose values are trimmed and
// arranged in the expected columns' order ("" for an absent optional column). A record with
// a different number of fields than the header is an error ("field_count") and yields no
// row; blank lines are skipped. Syntax errors from the reader are kept with the others.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "csvio/csv_error.h"

namespace ordo::csvio {

struct CsvColumn {
  std::string_view name;  // lower case
  bool required = false;
};

struct CsvRow {
  int line = 0;
  std::vector<std::string> values;  // one per expected column, in that order
};

class CsvTable {
 public:
  // Reads `text`. When the header has errors, no rows are produced: their values could not
  // be trusted to be in the right columns.
  static CsvTable Read(std::string_view text, std::span<const CsvColumn> columns);

  const std::vector<CsvRow>& rows() const { return rows_; }
  const std::vector<CsvError>& errors() const { return errors_; }

  // The position of an expected column in `columns`; -1 when it is not one of them.
  int IndexOf(std::string_view name) const;
  // The column's 1-based position in the file; 0 when the file does not have it.
  int FilePosition(std::string_view name) const;
  // `row`'s value in the named expected column; "" when unknown.
  const std::string& Value(const CsvRow& row, std::string_view name) const;

 private:
  explicit CsvTable(std::span<const CsvColumn> columns) : columns_(columns) {}
  // Maps the header onto the expected columns; false when it has errors.
  bool ReadHeader(const std::vector<std::string>& names, int line);
  std::string ColumnList() const;

  std::span<const CsvColumn> columns_;
  std::vector<int> file_positions_;  // per expected column, 1-based; 0 when absent
  std::vector<int> targets_;         // per file field, the expected column's index
  std::vector<CsvRow> rows_;
  std::vector<CsvError> errors_;
};

// `text` without the spaces and tabs at either end.
std::string_view TrimBlanks(std::string_view text);

}  // namespace ordo::csvio
