// One problem found in a CSV file, located the way an editor or compiler would report it.
//
// `line` is the physical line (1-based) where the record starts; 0 for a problem with the file
// as a whole (for example a commit that failed). `column` depends on the kind of problem:
// for a syntax error it is the character position on the line (1-based, counting UTF-8
// characters); for a problem with a value it is the field's position in the record (1-based,
// as numbered by the header). 0 means no particular column.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ordo::csvio {

struct CsvError {
  int line = 0;
  int column = 0;
  std::string field;  // the column name ("list_price"); empty for syntax errors
  std::string code;   // stable, machine-readable ("invalid_money")
  std::string message;

  bool operator==(const CsvError&) const = default;
};

// "items.csv:14:3: list_price: invalid_money: \"12,50\" is not a decimal amount". The column
// is left out when 0, the field when empty, and the line when 0.
std::string FormatCsvError(std::string_view file, const CsvError& error);

// Orders errors by line, then column, keeping the order of equal positions.
void SortCsvErrors(std::vector<CsvError>& errors);

}  // namespace ordo::csvio
