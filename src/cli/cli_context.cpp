#include "cli/cli_context.h"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "store/migrations.h"
#include "store/sqlite/sqlite_connection.h"

namespace ordo::cli {

std::string DefaultDbPath() {
  const char* env = std::getenv("ORDO_DB");
  return (env && *env) ? env : "./data/ordo.db";
}

store::ConnectionPtr CliContext::Open(bool migrate) const {
  std::filesystem::path path(options_.db_path);
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  store::ConnectionPtr conn = store::OpenSqlite(options_.db_path);
  if (migrate) {
    auto applied = store::Migrate(*conn, clock_);
    if (!applied.ok()) throw std::runtime_error(applied.status().message());
    return conn;
  }
  auto state = store::InspectSchema(*conn);
  if (!state.ok()) throw std::runtime_error(state.status().message());
  if (state->needs_migration()) {
    throw std::runtime_error("database " + options_.db_path + " is at schema version " +
                             std::to_string(state->current) + " and needs " +
                             std::to_string(state->latest) + ": run `ordo migrate --db " +
                             options_.db_path + "`");
  }
  return conn;
}

std::unique_ptr<store::CommandExecutor> CliContext::OpenExecutor() const {
  return std::make_unique<store::CommandExecutor>(Open());
}

}  // namespace ordo::cli
