#include "csvio/csv_error.h"

#include <algorithm>

namespace ordo::csvio {

std::string FormatCsvError(std::string_view file, const CsvError& error) {
  std::string out(file);
  if (error.line > 0) {
    out += ':';
    out += std::to_string(error.line);
    if (error.column > 0) {
      out += ':';
      out += std::to_string(error.column);
    }
  }
  out += ": ";
  if (!error.field.empty()) out += error.field + ": ";
  out += error.code + ": " + error.message;
  return out;
}

void SortCsvErrors(std::vector<CsvError>& errors) {
  std::stable_sort(errors.begin(), errors.end(), [](const CsvError& a, const CsvError& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
}

}  // namespace ordo::csvio
