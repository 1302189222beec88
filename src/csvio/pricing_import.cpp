#include "csvio/pricing_import.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/item_repository.h"
#include "catalog/product_line.h"
#include "csvio/csv_table.h"
#include "csvio/import_errors.h"
#include "csvio/row_fields.h"
#include "customers/customer_commands.h"
#include "pricing/contracts.h"
#include "pricing/price_lists.h"
#include "pricing/rule_checks.h"

namespace ordo::csvio {
namespace {

// Every field error of a row's command goes to the column of the same name, on its line.
Locate OnLine(int line) {
  return [line](std::string_view path) { return CellRef{line, std::string(path), ""}; };
}

// A percentage cell: nullopt (with an error) when not 0..100 with at most two decimals.
std::optional<int> Percent(RowFields& fields, std::string_view column) {
  const std::string& text = fields.Text(column);
  auto bp = pricing::ParsePercent(text);
  if (!bp) {
    fields.AddError(column, "out_of_range",
                    "\"" + text + "\" is not a percentage from 0 to 100 with two decimals at most");
  }
  return bp;
}

void Required(RowFields& fields, std::string_view column) {
  if (fields.Text(column).empty()) fields.AddError(column, "required", "a value is required");
}

// A row's first line with the same key, or records it.
void NoRepeat(std::map<std::string, int>& seen, const std::string& key, int line,
              ImportErrors& errors) {
  auto [first, inserted] = seen.emplace(key, line);
  if (!inserted) {
    errors.Add(line, "", "duplicate", "repeats line " + std::to_string(first->second));
  }
}

template <typename Record, typename ReadRows, typename ApplyOne>
PreparedImport Prepare(std::string_view csv, std::span<const CsvColumn> columns, ReadRows read,
                       ApplyOne apply) {
  struct State {
    State(std::string_view csv, std::span<const CsvColumn> columns)
        : table(CsvTable::Read(csv, columns)), errors(table) {}
    CsvTable table;
    ImportErrors errors;
    std::vector<Record> records;
  };
  auto state = std::make_shared<State>(csv, columns);
  state->records = read(state->table, state->errors);
  const State* s = state.get();
  return PrepareRecords(
      state, state->errors, s->records.size(), [s](size_t i) { return s->records[i].line; },
      [s, apply](store::Connection& conn, const CommandContext& ctx, size_t i, ImportErrors& out) {
        apply(conn, ctx, s->records[i], out);
      });
}

// The item of `sku` on `conn`, or an "unknown_sku" error at the record's line.
std::optional<ItemId> ItemOf(store::Connection& conn, const std::string& sku, int line,
                             ImportErrors& out) {
  if (auto item = catalog::FindItemBySku(conn, sku)) return item->id;
  out.Add(line, "sku", "unknown_sku", "no item " + sku);
  return std::nullopt;
}

constexpr std::array<CsvColumn, 3> kTierColumns{
    {{"code", true}, {"name", true}, {"discount_percent", true}}};
struct TierRecord {
  int line = 0;
  customers::PriceTier tier;
};

constexpr std::array<CsvColumn, 3> kListColumns{
    {{"price_list", true}, {"sku", true}, {"unit_price", true}}};
struct ListPriceRecord {
  int line = 0;
  std::string list;
  std::string sku;
  Money price;
};

constexpr std::array<CsvColumn, 5> kContractColumns{
    {{"contract", true}, {"sku"}, {"product_line"}, {"unit_price"}, {"discount_percent"}}};
struct TermRecord {
  int line = 0;
  std::string contract;
  std::string sku;
  pricing::ContractPriceTerm term;
};

}  // namespace

PreparedImport PreparePriceTiers(std::string_view csv) {
  return Prepare<TierRecord>(
      csv, kTierColumns,
      [](const CsvTable& table, ImportErrors& errors) {
        std::vector<TierRecord> out;
        std::map<std::string, int> seen;
        for (const CsvRow& row : table.rows()) {
          RowFields fields(table, row, errors);
          TierRecord r{row.line, {}};
          r.tier.code = fields.Text("code", text_limits::kPriceTierCode);
          r.tier.name = fields.Text("name", text_limits::kPriceTierName);
          Required(fields, "code");
          Required(fields, "name");
          if (fields.Text("discount_percent").empty()) {
            Required(fields, "discount_percent");
          } else if (auto bp = Percent(fields, "discount_percent")) {
            r.tier.discount_bp = *bp;
          }
          NoRepeat(seen, r.tier.code, row.line, errors);
          out.push_back(std::move(r));
        }
        return out;
      },
      [](store::Connection& conn, const CommandContext& ctx, const TierRecord& r,
         ImportErrors& out) {
        if (Status st = customers::SavePriceTier(conn, ctx, r.tier); !st.ok()) {
          out.AddStatus(st, OnLine(r.line));
        }
      });
}

PreparedImport PreparePriceListPrices(std::string_view csv) {
  return Prepare<ListPriceRecord>(
      csv, kListColumns,
      [](const CsvTable& table, ImportErrors& errors) {
        std::vector<ListPriceRecord> out;
        std::map<std::string, int> seen;
        for (const CsvRow& row : table.rows()) {
          RowFields fields(table, row, errors);
          ListPriceRecord r;
          r.line = row.line;
          r.list = fields.Text("price_list", pricing::kPricingCode);
          r.sku = fields.Text("sku", text_limits::kSku);
          Required(fields, "price_list");
          Required(fields, "sku");
          if (auto price = fields.Amount("unit_price", std::nullopt)) {
            if (price->is_negative()) {
              fields.AddError("unit_price", "out_of_range", "a price cannot be negative");
            }
            r.price = *price;
          }
          NoRepeat(seen, r.list + "\n" + r.sku, row.line, errors);
          out.push_back(std::move(r));
        }
        return out;
      },
      [](store::Connection& conn, const CommandContext& ctx, const ListPriceRecord& r,
         ImportErrors& out) {
        auto item = ItemOf(conn, r.sku, r.line, out);
        if (!item) return;
        Status st = pricing::SetPriceListPrice(conn, ctx, r.list, *item, r.price);
        if (st.code() == ErrorCode::kNotFound) {
          out.Add(r.line, "price_list", "unknown_price_list", "no price list " + r.list);
        } else if (!st.ok()) {
          out.AddStatus(st, OnLine(r.line));
        }
      });
}

PreparedImport PrepareContractPrices(std::string_view csv) {
  return Prepare<TermRecord>(
      csv, kContractColumns,
      [](const CsvTable& table, ImportErrors& errors) {
        std::vector<TermRecord> out;
        std::map<std::string, int> seen;
        for (const CsvRow& row : table.rows()) {
          RowFields fields(table, row, errors);
          TermRecord r;
          r.line = row.line;
          r.contract = fields.Text("contract", pricing::kPricingCode);
          r.sku = fields.Text("sku", text_limits::kSku);
          r.term.scope.product_line = fields.Text("product_line", text_limits::kProductLineCode);
          Required(fields, "contract");
          if (r.sku.empty() == r.term.scope.product_line.empty()) {
            fields.AddError(r.sku.empty() ? "sku" : "product_line",
                            r.sku.empty() ? "required" : "conflict",
                            "a term is for a sku or a product_line, one of them");
          }
          bool fixed = !fields.Text("unit_price").empty();
          bool percent = !fields.Text("discount_percent").empty();
          if (fixed == percent) {
            fields.AddError(fixed ? "discount_percent" : "unit_price",
                            fixed ? "conflict" : "required",
                            "a term is a unit_price or a discount_percent, one of them");
          } else if (fixed) {
            if (auto price = fields.Amount("unit_price", std::nullopt)) {
              r.term.adjustment = pricing::Adjustment::Fixed(*price);
            }
          } else if (auto bp = Percent(fields, "discount_percent")) {
            r.term.adjustment = pricing::Adjustment::PercentOff(*bp);
          }
          NoRepeat(seen, r.contract + "\n" + r.sku + "\n" + r.term.scope.product_line, row.line,
                   errors);
          out.push_back(std::move(r));
        }
        return out;
      },
      [](store::Connection& conn, const CommandContext& ctx, const TermRecord& r,
         ImportErrors& out) {
        pricing::ContractPriceTerm term = r.term;
        if (!r.sku.empty()) {
          auto item = ItemOf(conn, r.sku, r.line, out);
          if (!item) return;
          term.scope.item = item;
        } else if (!catalog::FindProductLine(conn, term.scope.product_line)) {
          out.Add(r.line, "product_line", "unknown_product_line",
                  "no product line " + term.scope.product_line);
          return;
        }
        Status st = pricing::SetContractTerm(conn, ctx, r.contract, term);
        if (st.code() == ErrorCode::kNotFound) {
          out.Add(r.line, "contract", "unknown_contract", "no contract " + r.contract);
        } else if (!st.ok()) {
          out.AddStatus(st, OnLine(r.line));
        }
      });
}

}  // namespace ordo::csvio
