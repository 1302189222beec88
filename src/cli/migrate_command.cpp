#include "cli/migrate_command.h"

#include <filesystem>
#include <iostream>

#include "store/migrations.h"
#include "store/sqlite/sqlite_connection.h"

namespace ordo::cli {

void RegisterMigrateCommand(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("migrate", "Apply pending schema migrations");
  cmd->callback([&ctx] {
    std::filesystem::path path(ctx.options().db_path);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    auto conn = store::OpenSqlite(ctx.options().db_path);
    auto applied = store::Migrate(*conn, ctx.clock());
    if (!applied.ok()) throw std::runtime_error(applied.status().message());
    for (int v : *applied) std::cout << "applied migration " << v << "\n";
    auto state = store::InspectSchema(*conn);
    std::cout << ctx.options().db_path << ": schema version " << state->current << "\n";
  });
}

}  // namespace ordo::cli
