#include "cli/import_command.h"

#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "cli/cli_output.h"
#include "csvio/csv_error.h"
#include "csvio/import_kinds.h"
#include "csvio/import_unit.h"

namespace ordo::cli {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void ImportFile(const CliContext& ctx, const csvio::ImportKind& kind, const std::string& path) {
  const std::string text = ReadFile(path);
  auto executor = ctx.OpenExecutor();
  const csvio::ImportReport report =
      csvio::RunImport(*executor, ctx.NewCommandContext(), kind.prepare(text));
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
  auto* import_cmd = app.add_subcommand("import", "Import a CSV file; all of it or nothing");
  import_cmd->require_subcommand(1);
  for (const csvio::ImportKind& kind : csvio::ImportKinds()) {
    auto path = std::make_shared<std::string>();
    auto* sub = import_cmd->add_subcommand(std::string(kind.name), std::string(kind.description));
    sub->add_option("file", *path, "CSV file with a header row")->required();
    sub->callback([&ctx, &kind, path] { ImportFile(ctx, kind, *path); });
  }
}

}  // namespace ordo::cli
