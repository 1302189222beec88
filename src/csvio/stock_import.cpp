#include "csvio/stock_import.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "csvio/csv_table.h"
#include "csvio/import_errors.h"
#include "csvio/row_fields.h"
#include "flows/stock_changes.h"
#include "inventory/stock_commands.h"

namespace ordo::csvio {
namespace {

constexpr std::array<CsvColumn, 4> kColumns{{
    {"warehouse", true},
    {"sku", true},
    {"quantity", true},
    {"reference"},
}};

struct ReceiptRecord {
  int line = 0;
  inventory::Receipt receipt;
};

Locate ReceiptLocate(int line) {
  return [line](std::string_view path) {
    const std::string_view head = PathHead(path);
    if (head != "lines") return CellRef{line, std::string(head), ""};
    return CellRef{line, PathIndex(path) >= 0 ? std::string(PathTail(path)) : "", ""};
  };
}

std::vector<ReceiptRecord> ReadReceipts(const CsvTable& table, ImportErrors& errors) {
  std::vector<ReceiptRecord> records;
  std::map<std::tuple<std::string, std::string, std::string>, int> line_of_row;
  for (const CsvRow& row : table.rows()) {
    RowFields fields(table, row, errors);
    inventory::Receipt receipt;
    receipt.warehouse = fields.Text("warehouse", text_limits::kWarehouseCode);
    receipt.reference = fields.Text("reference", text_limits::kReference);
    inventory::ReceiptLine line{fields.Text("sku", text_limits::kSku), 0};
    if (fields.Text("warehouse").empty()) {
      fields.AddError("warehouse", "required", "a value is required");
    }
    if (fields.Text("sku").empty()) fields.AddError("sku", "required", "a value is required");
    if (std::optional<int64_t> quantity = fields.Whole("quantity", std::nullopt)) {
      if (*quantity <= 0) {
        fields.AddError("quantity", "invalid_quantity",
                        "\"" + fields.Text("quantity") + "\" is not a positive whole number");
      }
      line.quantity = *quantity;
    }
    const auto [first, inserted] =
        line_of_row.emplace(std::tuple(receipt.warehouse, line.sku, receipt.reference), row.line);
    if (!inserted) {
      errors.Add(row.line, "", "duplicate",
                 "repeats line " + std::to_string(first->second) +
                     " (the same warehouse, SKU and reference)");
    }
    receipt.lines.push_back(std::move(line));
    records.push_back({row.line, std::move(receipt)});
  }
  return records;
}

}  // namespace

PreparedImport PrepareStock(std::string_view csv) {
  struct State {
    explicit State(std::string_view csv) : table(CsvTable::Read(csv, kColumns)), errors(table) {}
    CsvTable table;
    ImportErrors errors;
    std::vector<ReceiptRecord> records;
  };
  auto state = std::make_shared<State>(csv);
  state->records = ReadReceipts(state->table, state->errors);
  const State* s = state.get();
  return PrepareRecords(
      state, state->errors, s->records.size(), [s](size_t i) { return s->records[i].line; },
      [s](store::Connection& conn, const CommandContext& ctx, size_t i, ImportErrors& out) {
        auto received = flows::ReceiveStock(conn, ctx, s->records[i].receipt);
        if (!received.ok()) out.AddStatus(received.status(), ReceiptLocate(s->records[i].line));
      });
}

ImportReport ImportStock(store::CommandExecutor& executor, const CommandContext& ctx,
                         std::string_view csv) {
  return RunImport(executor, ctx, PrepareStock(csv));
}

}  // namespace ordo::csvio
