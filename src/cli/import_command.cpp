#include "cli/import_command.h"

#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cli/cli_output.h"
#include "csvio/csv_error.h"
#include "csvio/customer_import.h"
#include "csvio/item_import.h"
#include "csvio/stock_import.h"

namespace ordo::cli {
namespace {

using ImportFn = std::function<csvio::ImportReport(store::CommandExecutor&, const CommandContext&,
                                                   std::string_view)>;

struct ImportKind {
  const char* name;
  const char* description;
  const char* singular;
  const char* plural;
  ImportFn run;
};

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void RunImport(const CliContext& ctx, const ImportKind& kind, const std::string& path) {
  const std::string text = ReadFile(path);
  auto executor = ctx.OpenExecutor();
  const csvio::ImportReport report = kind.run(*executor, ctx.NewCommandContext(), text);
  if (!report.ok()) {
    for (const csvio::CsvError& error : report.errors) {
      std::cerr << csvio::FormatCsvError(path, error) << "\n";
    }
    throw ExitCode{1};
  }
  std::cout << "imported " << report.imported << " "
            << (report.imported == 1 ? kind.singular : kind.plural) << "\n";
}

}  // namespace

void RegisterImportCommand(CLI::App& app, CliContext& ctx) {
  static const ImportKind kKinds[] = {
      {"items", "Create catalog items from a CSV file", "item", "items", csvio::ImportItems},
      {"customers", "Create customers and ship-tos from a CSV file", "customer", "customers",
       csvio::ImportCustomers},
      {"stock", "Receive stock from a CSV file (a receipt per row)", "stock receipt",
       "stock receipts", csvio::ImportStock},
  };
  auto* import_cmd = app.add_subcommand("import", "Import a CSV file; all of it or nothing");
  import_cmd->require_subcommand(1);
  for (const ImportKind& kind : kKinds) {
    auto path = std::make_shared<std::string>();
    auto* sub = import_cmd->add_subcommand(kind.name, kind.description);
    sub->add_option("file", *path, "CSV file with a header row")->required();
    sub->callback([&ctx, &kind, path] { RunImport(ctx, kind, *path); });
  }
}

}  // namespace ordo::cli
