#include "csvio/part_number_import.h"

#include <array>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "catalog/customer_part_number.h"
#include "csvio/csv_table.h"
#include "csvio/import_errors.h"
#include "csvio/row_fields.h"
#include "customers/customer_repository.h"

namespace ordo::csvio {
namespace {

constexpr std::array<CsvColumn, 4> kColumns{{
    {"customer", true},
    {"part_number", true},
    {"sku", true},
    {"uom"},
}};

struct PartRecord {
  int line = 0;
  std::string customer;
  std::string part_number;
  std::string sku;
  std::string uom;
};

Locate PartLocate(int line) {
  return [line](std::string_view path) { return CellRef{line, std::string(PathHead(path)), ""}; };
}

std::vector<PartRecord> ReadParts(const CsvTable& table, ImportErrors& errors) {
  std::vector<PartRecord> records;
  std::map<std::pair<std::string, std::string>, int> line_of_part;
  for (const CsvRow& row : table.rows()) {
    RowFields fields(table, row, errors);
    PartRecord p;
    p.line = row.line;
    p.customer = fields.Text("customer", text_limits::kCustomerCode);
    p.part_number = fields.Text("part_number", text_limits::kCustomerPartNumber);
    p.sku = fields.Text("sku", text_limits::kSku);
    p.uom = fields.Text("uom", text_limits::kUom);
    for (const char* column : {"customer", "part_number", "sku"}) {
      if (fields.Text(column).empty()) fields.AddError(column, "required", "a value is required");
    }
    if (!p.customer.empty() && !p.part_number.empty()) {
      const auto [first, inserted] =
          line_of_part.emplace(std::pair(p.customer, p.part_number), row.line);
      if (!inserted) {
        errors.Add(row.line, "part_number", "duplicate",
                   "customer " + p.customer + "'s part number " + p.part_number +
                       " is also on line " + std::to_string(first->second));
      }
    }
    records.push_back(std::move(p));
  }
  return records;
}

}  // namespace

PreparedImport PreparePartNumbers(std::string_view csv) {
  struct State {
    explicit State(std::string_view csv) : table(CsvTable::Read(csv, kColumns)), errors(table) {}
    CsvTable table;
    ImportErrors errors;
    std::vector<PartRecord> records;
  };
  auto state = std::make_shared<State>(csv);
  state->records = ReadParts(state->table, state->errors);
  const State* s = state.get();
  return PrepareRecords(
      state, state->errors, s->records.size(), [s](size_t i) { return s->records[i].line; },
      [s](store::Connection& conn, const CommandContext& ctx, size_t i, ImportErrors& out) {
        const PartRecord& p = s->records[i];
        auto customer = customers::FindCustomerByCode(conn, p.customer);
        if (!customer) {
          out.AddStatus(Status::InvalidArgument(
                            "unknown customer",
                            {{"customer", "unknown_customer", "no customer " + p.customer}}),
                        PartLocate(p.line));
          return;
        }
        auto saved =
            catalog::SaveCustomerPartNumber(conn, ctx, customer->id, p.part_number, p.sku, p.uom);
        if (!saved.ok()) out.AddStatus(saved.status(), PartLocate(p.line));
      });
}

}  // namespace ordo::csvio
