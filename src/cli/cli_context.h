// What every `ordo` subcommand shares: where the database is, who acts, and the clock.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "core/command_context.h"
#include "store/command_executor.h"
#include "store/database.h"

namespace ordo::cli {

struct CliOptions {
  std::string db_path;  // --db, else $ORDO_DB, else ./data/ordo.db
  std::string actor = "cli";
};

class CliContext {
 public:
  explicit CliContext(CliOptions options) : options_(std::move(options)) {}

  const CliOptions& options() const { return options_; }
  CliOptions& mutable_options() { return options_; }
  const Clock& clock() const { return clock_; }
  CommandContext NewCommandContext() const { return {options_.actor, "", clock_.Now()}; }

  // Opens the database, creating its folder; throws std::runtime_error with a clear message
  // when the schema needs a migration (unless `migrate` is set, which applies it).
  store::ConnectionPtr Open(bool migrate = false) const;
  // An executor on a fresh write connection to the migrated database.
  std::unique_ptr<store::CommandExecutor> OpenExecutor() const;

 private:
  CliOptions options_;
  SystemClock clock_;
};

// The default database path: $ORDO_DB, else ./data/ordo.db.
std::string DefaultDbPath();

}  // namespace ordo::cli
