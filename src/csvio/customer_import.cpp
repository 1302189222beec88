#include "csvio/customer_import.h"

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "csvio/csv_table.h"
#include "csvio/import_errors.h"
#include "csvio/row_fields.h"
#include "customers/customer.h"
#include "customers/customer_commands.h"

namespace ordo::csvio {
namespace {

constexpr std::array<CsvColumn, 21> kColumns{{
    {"code", true},       {"name", true},         {"bill_line1"},
    {"bill_city"},        {"bill_region"},        {"bill_postal_code"},
    {"bill_country"},     {"payment_terms"},      {"credit_limit"},
    {"price_tier"},       {"tax_exempt"},         {"salesperson"},
    {"on_hold"},          {"ship_to_code", true}, {"ship_to_name"},
    {"ship_line1"},       {"ship_city"},          {"ship_region"},
    {"ship_postal_code"}, {"ship_country"},       {"preferred_warehouse"},
}};
// The first kCustomerColumns columns describe the customer; the rest one ship-to.
constexpr size_t kCustomerColumns = 13;

struct CustomerRecord {
  const CsvRow* first_row = nullptr;
  std::vector<int> ship_to_lines;
  customers::NewCustomer customer;
};

std::string ShipToColumn(std::string_view field) {
  if (field == "code" || field == "name") return "ship_to_" + std::string(field);
  if (field == "preferred_warehouse") return std::string(field);
  return "ship_" + std::string(field);
}

Locate CustomerLocate(const CustomerRecord& record) {
  return [&record](std::string_view path) {
    const int first_line = record.first_row->line;
    const std::string_view head = PathHead(path);
    if (head == "bill_to") return CellRef{first_line, "bill_" + std::string(PathTail(path)), ""};
    if (head != "ship_to") return CellRef{first_line, std::string(head), ""};
    const int index = PathIndex(path);
    if (index < 0 || static_cast<size_t>(index) >= record.ship_to_lines.size()) {
      return CellRef{first_line, "ship_to_code", ""};
    }
    return CellRef{record.ship_to_lines[index], ShipToColumn(PathTail(path)), ""};
  };
}

customers::NewCustomer ReadCustomer(RowFields& fields) {
  customers::NewCustomer c;
  c.code = fields.Text("code");
  c.name = fields.Text("name");
  c.bill_to = {fields.Text("bill_line1"), fields.Text("bill_city"), fields.Text("bill_region"),
               fields.Text("bill_postal_code"), fields.Text("bill_country")};
  c.payment_terms = fields.TextOr("payment_terms", c.payment_terms);
  c.credit_limit = fields.Amount("credit_limit", Money()).value_or(Money());
  c.price_tier = fields.OptionalText("price_tier");
  c.tax_exempt = fields.Flag("tax_exempt", false).value_or(false);
  c.salesperson = fields.Text("salesperson");
  c.on_hold = fields.Flag("on_hold", false).value_or(false);
  return c;
}

customers::NewShipTo ReadShipTo(const RowFields& fields) {
  return {fields.Text("ship_to_code"), fields.Text("ship_to_name"),
          customers::Address{fields.Text("ship_line1"), fields.Text("ship_city"),
                             fields.Text("ship_region"), fields.Text("ship_postal_code"),
                             fields.Text("ship_country")},
          fields.OptionalText("preferred_warehouse")};
}

// Errors for the customer columns of a continuation row that differ from the first row's.
void CheckSameCustomer(const CsvTable& table, const CustomerRecord& record, const CsvRow& row,
                       ImportErrors& errors) {
  for (size_t i = 0; i < kCustomerColumns; ++i) {
    const std::string_view column = kColumns[i].name;
    const std::string& expected = table.Value(*record.first_row, column);
    const std::string& actual = table.Value(row, column);
    if (actual == expected) continue;
    errors.Add(row.line, column, "inconsistent_customer",
               "\"" + actual + "\" differs from \"" + expected + "\" on line " +
                   std::to_string(record.first_row->line) + " for customer " +
                   record.customer.code);
  }
}

std::vector<CustomerRecord> ReadCustomers(const CsvTable& table, ImportErrors& errors) {
  std::vector<CustomerRecord> records;
  std::map<std::string, int> line_of_code;
  for (const CsvRow& row : table.rows()) {
    RowFields fields(table, row, errors);
    const std::string& code = fields.Text("code");
    if (!records.empty() && !code.empty() && code == records.back().customer.code) {
      CustomerRecord& current = records.back();
      CheckSameCustomer(table, current, row, errors);
      current.customer.ship_tos.push_back(ReadShipTo(fields));
      current.ship_to_lines.push_back(row.line);
      continue;
    }
    if (!code.empty()) {
      const auto [first, inserted] = line_of_code.emplace(code, row.line);
      if (!inserted) {
        errors.Add(row.line, "code", "duplicate",
                   "customer " + code + " also starts on line " + std::to_string(first->second) +
                       "; a customer's rows must be consecutive");
      }
    }
    CustomerRecord record{&row, {row.line}, ReadCustomer(fields)};
    record.customer.ship_tos.push_back(ReadShipTo(fields));
    records.push_back(std::move(record));
  }
  for (const CustomerRecord& record : records) {
    errors.AddStatus(customers::ValidateNewCustomer(record.customer), CustomerLocate(record));
  }
  return records;
}

}  // namespace

PreparedImport PrepareCustomers(std::string_view csv) {
  struct State {
    explicit State(std::string_view csv) : table(CsvTable::Read(csv, kColumns)), errors(table) {}
    CsvTable table;
    ImportErrors errors;
    std::vector<CustomerRecord> records;
  };
  auto state = std::make_shared<State>(csv);
  state->records = ReadCustomers(state->table, state->errors);
  const State* s = state.get();
  return PrepareRecords(
      state, state->errors, s->records.size(),
      [s](size_t i) { return s->records[i].first_row->line; },
      [s](store::Connection& conn, const CommandContext& ctx, size_t i, ImportErrors& out) {
        Result<customers::Customer> created =
            customers::CreateCustomer(conn, ctx, s->records[i].customer);
        if (!created.ok()) out.AddStatus(created.status(), CustomerLocate(s->records[i]));
      });
}

ImportReport ImportCustomers(store::CommandExecutor& executor, const CommandContext& ctx,
                             std::string_view csv) {
  return RunImport(executor, ctx, PrepareCustomers(csv));
}

}  // namespace ordo::csvio
