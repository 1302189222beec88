// Typed reading of one CSV row. A value that cannot be read adds an error for its cell (line,
// column, code, message quoting the text) and gives nullopt; an empty cell gives the fallback.
// Amounts are exact decimals (Money::Parse, never a double) and counts whole numbers
// (ParseWholeAmount).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/quantity.h"
#include "core/text_limits.h"
#include "csvio/csv_table.h"
#include "csvio/import_errors.h"

namespace ordo::csvio {

class RowFields {
 public:
  // `table`, `row` and `errors` must outlive this.
  RowFields(const CsvTable& table, const CsvRow& row, ImportErrors& errors)
      : table_(table), row_(row), errors_(errors) {}

  int line() const { return row_.line; }

  // The trimmed text; "" when empty or the file has no such column.
  const std::string& Text(std::string_view column) const { return table_.Value(row_, column); }
  // The trimmed text, checked against `limit` (core/text_check.h): a control character or too
  // many characters is an error for the cell, and gives "".
  std::string Text(std::string_view column, TextLimit limit);
  // nullopt when empty.
  std::optional<std::string> OptionalText(std::string_view column) const;
  // The text, or `fallback` when empty.
  std::string TextOr(std::string_view column, std::string_view fallback) const;

  // An exact decimal amount ("12.50"). With no fallback an empty cell is a "required" error.
  std::optional<Money> Amount(std::string_view column, std::optional<Money> fallback);
  // A whole number ("12", "12.0"). With no fallback an empty cell is a "required" error.
  std::optional<int64_t> Whole(std::string_view column, std::optional<int64_t> fallback);
  // true/false, yes/no or 1/0, in any letter case.
  std::optional<bool> Flag(std::string_view column, bool fallback);
  // Pack sizes written "CS=12;PL=480", a pack's own GTIN after a colon ("CS=12:10012345678902");
  // empty for an empty cell. Only the syntax is checked here; units, quantities and GTINs are
  // validated with the item.
  std::optional<std::vector<PackSize>> Packs(std::string_view column);

  void AddError(std::string_view column, std::string code, std::string message) {
    errors_.Add(row_.line, column, std::move(code), std::move(message));
  }

 private:
  const CsvTable& table_;
  const CsvRow& row_;
  ImportErrors& errors_;
};

}  // namespace ordo::csvio
