#include "csvio/item_import.h"

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "catalog/item.h"
#include "catalog/item_commands.h"
#include "csvio/csv_table.h"
#include "csvio/import_errors.h"
#include "csvio/row_fields.h"

namespace ordo::csvio {
namespace {

constexpr std::array<CsvColumn, 10> kColumns{{
    {"sku", true},
    {"name", true},
    {"uom"},
    {"list_price", true},
    {"cost"},
    {"tax_class"},
    {"active"},
    {"reorder_point"},
    {"pack_sizes"},
    {"product_line"},
}};

struct ItemRecord {
  int line = 0;
  catalog::NewItem item;
};

Locate ItemLocate(int line) {
  return [line](std::string_view path) {
    const std::string_view head = PathHead(path);
    if (head == "base_uom") return CellRef{line, "uom", ""};
    if (head == "pack_sizes" && PathIndex(path) >= 0) {
      return CellRef{
          line, "pack_sizes",
          "pack " + std::to_string(PathIndex(path) + 1) + " " + std::string(PathTail(path)) + ": "};
    }
    return CellRef{line, std::string(head), ""};
  };
}

std::vector<ItemRecord> ReadItems(const CsvTable& table, ImportErrors& errors) {
  std::vector<ItemRecord> records;
  std::map<std::string, int> line_of_sku;
  for (const CsvRow& row : table.rows()) {
    RowFields fields(table, row, errors);
    catalog::NewItem item;
    item.sku = fields.Text("sku");
    item.name = fields.Text("name");
    item.uom = fields.TextOr("uom", item.uom);
    item.list_price = fields.Amount("list_price", std::nullopt).value_or(Money());
    item.cost = fields.Amount("cost", Money()).value_or(Money());
    item.tax_class = fields.TextOr("tax_class", item.tax_class);
    item.active = fields.Flag("active", true).value_or(true);
    item.reorder_point = fields.Whole("reorder_point", 0).value_or(0);
    item.packs = fields.Packs("pack_sizes").value_or(std::vector<PackSize>{});
    // Whether the product line exists is checked by CreateItem, on the writer.
    item.product_line = fields.OptionalText("product_line");
    errors.AddStatus(catalog::ValidateNewItem(item), ItemLocate(row.line));
    if (!item.sku.empty()) {
      const auto [first, inserted] = line_of_sku.emplace(item.sku, row.line);
      if (!inserted && !errors.Has(row.line, "sku")) {
        errors.Add(row.line, "sku", "duplicate",
                   "SKU " + item.sku + " is also on line " + std::to_string(first->second));
      }
    }
    records.push_back({row.line, std::move(item)});
  }
  return records;
}

}  // namespace

PreparedImport PrepareItems(std::string_view csv) {
  struct State {
    explicit State(std::string_view csv) : table(CsvTable::Read(csv, kColumns)), errors(table) {}
    CsvTable table;
    ImportErrors errors;
    std::vector<ItemRecord> records;
  };
  auto state = std::make_shared<State>(csv);
  state->records = ReadItems(state->table, state->errors);
  const State* s = state.get();
  return PrepareRecords(
      state, state->errors, s->records.size(), [s](size_t i) { return s->records[i].line; },
      [s](store::Connection& conn, const CommandContext& ctx, size_t i, ImportErrors& out) {
        Result<catalog::Item> created = catalog::CreateItem(conn, ctx, s->records[i].item);
        if (!created.ok()) out.AddStatus(created.status(), ItemLocate(s->records[i].line));
      });
}

ImportReport ImportItems(store::CommandExecutor& executor, const CommandContext& ctx,
                         std::string_view csv) {
  return RunImport(executor, ctx, PrepareItems(csv));
}

}  // namespace ordo::csvio
