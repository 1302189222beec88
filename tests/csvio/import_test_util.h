// Compact views of import errors for test assertions.
#pragma once

#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "csvio/csv_error.h"

namespace ordo::csvio {

// line, column, field, code
using Where = std::tuple<int, int, std::string, std::string>;

inline std::vector<Where> Locations(const std::vector<CsvError>& errors) {
  std::vector<Where> out;
  for (const CsvError& e : errors) out.emplace_back(e.line, e.column, e.field, e.code);
  return out;
}

inline std::ostream& operator<<(std::ostream& os, const CsvError& e) {
  return os << FormatCsvError("file", e);
}

}  // namespace ordo::csvio
