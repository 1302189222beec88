#include "csvio/csv_table.h"

#include <algorithm>

#include "csvio/csv_reader.h"

namespace ordo::csvio {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

bool IsBlank(const CsvRecord& record) {
  return record.fields.size() == 1 && TrimBlanks(record.fields[0]).empty();
}

// A record with more or fewer fields than the header, located at the first field that is
// missing (named by its header) or the first one too many, so an editor can go straight there.
CsvError FieldCountError(const CsvRecord& record, const std::vector<std::string>& header) {
  const size_t count = record.fields.size();
  const int column = static_cast<int>(std::min(count, header.size())) + 1;
  std::string message = "the header has " + std::to_string(header.size()) +
                        " fields but this record has " + std::to_string(count);
  std::string field;
  if (count < header.size()) {
    field = Lower(std::string(TrimBlanks(header[count])));
    message += ": it ends before field " + std::to_string(column) + " (" + field + ")";
  } else {
    message += ": field " + std::to_string(column) + " is beyond the header";
  }
  return {record.line, column, field, "field_count", std::move(message)};
}

}  // namespace

std::string_view TrimBlanks(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

CsvTable CsvTable::Read(std::string_view text, std::span<const CsvColumn> columns) {
  CsvTable table(columns);
  std::vector<CsvError> syntax_errors;
  std::vector<CsvRecord> records = ReadCsv(text, syntax_errors);
  table.errors_ = std::move(syntax_errors);

  auto record = records.begin();
  while (record != records.end() && IsBlank(*record)) ++record;
  if (record == records.end()) {
    if (table.errors_.empty()) {
      table.errors_.push_back(
          {1, 0, "", "missing_header", "the file is empty; the first line must name the columns"});
    }
    return table;
  }
  // A malformed first record was the header: the record taken for it holds data.
  for (const CsvError& error : table.errors_) {
    if (error.line < record->line) return table;
  }
  if (!table.ReadHeader(record->fields, record->line)) return table;

  const std::vector<std::string> header = record->fields;
  const size_t width = header.size();
  for (++record; record != records.end(); ++record) {
    if (IsBlank(*record)) continue;
    if (record->fields.size() != width) {
      table.errors_.push_back(FieldCountError(*record, header));
      continue;
    }
    CsvRow row{record->line, std::vector<std::string>(columns.size())};
    for (size_t i = 0; i < width; ++i) {
      if (table.targets_[i] >= 0) row.values[table.targets_[i]] = TrimBlanks(record->fields[i]);
    }
    table.rows_.push_back(std::move(row));
  }
  return table;
}

bool CsvTable::ReadHeader(const std::vector<std::string>& names, int line) {
  const size_t errors_before = errors_.size();
  file_positions_.assign(columns_.size(), 0);
  targets_.assign(names.size(), -1);
  for (size_t i = 0; i < names.size(); ++i) {
    const int position = static_cast<int>(i) + 1;
    const std::string name = Lower(std::string(TrimBlanks(names[i])));
    const int index = IndexOf(name);
    if (name.empty()) {
      errors_.push_back({line, position, "", "unknown_column", "the column has no name"});
    } else if (index < 0) {
      errors_.push_back({line, position, name, "unknown_column",
                         "not a column of this file; the columns are " + ColumnList()});
    } else if (file_positions_[index] != 0) {
      errors_.push_back({line, position, name, "duplicate_column",
                         "also column " + std::to_string(file_positions_[index])});
    } else {
      file_positions_[index] = position;
      targets_[i] = index;
    }
  }
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].required && file_positions_[i] == 0) {
      errors_.push_back({line, 0, std::string(columns_[i].name), "missing_column",
                         "the required column is missing"});
    }
  }
  return errors_.size() == errors_before;
}

std::string CsvTable::ColumnList() const {
  std::string list;
  for (const CsvColumn& column : columns_) {
    if (!list.empty()) list += ", ";
    list += column.name;
  }
  return list;
}

int CsvTable::IndexOf(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int CsvTable::FilePosition(std::string_view name) const {
  const int index = IndexOf(name);
  return index < 0 || file_positions_.empty() ? 0 : file_positions_[index];
}

const std::string& CsvTable::Value(const CsvRow& row, std::string_view name) const {
  static const std::string kEmpty;
  const int index = IndexOf(name);
  return index < 0 ? kEmpty : row.values[index];
}

}  // namespace ordo::csvio
