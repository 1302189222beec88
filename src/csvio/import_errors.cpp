#include "csvio/import_errors.h"

#include <charconv>
#include <tuple>

namespace ordo::csvio {

ImportErrors::ImportErrors(const CsvTable& table) : table_(table), errors_(table.errors()) {}

void ImportErrors::Add(int line, std::string_view field, std::string code, std::string message) {
  errors_.push_back(
      {line, table_.FilePosition(field), std::string(field), std::move(code), std::move(message)});
  if (!field.empty()) cells_.emplace(line, std::string(field));
}

bool ImportErrors::Has(int line, std::string_view field) const {
  return cells_.contains({line, std::string(field)});
}

void ImportErrors::AddStatus(const Status& status, const Locate& locate) {
  if (status.ok()) return;
  if (status.errors().empty()) {
    const CellRef where = locate("");
    Add(where.line, where.field, std::string(CodeName(status.code())),
        where.prefix + status.message());
    return;
  }
  std::vector<std::pair<CellRef, const FieldError*>> fresh;
  std::set<std::tuple<int, std::string, std::string>> seen;
  for (const FieldError& error : status.errors()) {
    CellRef where = locate(error.field);
    if (!where.field.empty() && Has(where.line, where.field)) continue;
    if (!seen.emplace(where.line, where.field, error.code).second) continue;
    fresh.emplace_back(std::move(where), &error);
  }
  for (const auto& [where, error] : fresh) {
    Add(where.line, where.field, error->code, where.prefix + error->message);
  }
}

std::vector<CsvError> ImportErrors::Sorted() const {
  std::vector<CsvError> sorted = errors_;
  SortCsvErrors(sorted);
  return sorted;
}

std::string_view PathHead(std::string_view path) {
  return path.substr(0, path.find('/'));
}

int PathIndex(std::string_view path) {
  const size_t slash = path.find('/');
  if (slash == std::string_view::npos) return -1;
  std::string_view rest = path.substr(slash + 1);
  rest = rest.substr(0, rest.find('/'));
  int index = -1;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), index);
  return ec == std::errc() && end == rest.data() + rest.size() ? index : -1;
}

std::string_view PathTail(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace ordo::csvio
