// The `ordo` command: wiring only. Each subcommand lives in its own file.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_context.h"
#include "cli/cli_output.h"
#include "cli/demo_command.h"
#include "cli/import_command.h"
#include "cli/migrate_command.h"
#include "cli/order_command.h"
#include "cli/serve_command.h"
#include "cli/text_argument.h"
#include "cli/user_command.h"
#include "core/text_limits.h"

int main(int argc, char** argv) {
  using namespace ordo::cli;
  CliContext ctx(CliOptions{DefaultDbPath(), "cli"});
  CLI::App app("Ordo: order management for wholesale distributors", "ordo");
  app.require_subcommand(1);
  // Global options may come before or after the subcommand (`ordo migrate --db X`): every
  // subcommand, created below, inherits fallthrough and hands options it does not know to
  // its parents.
  app.fallthrough();
  app.add_option("--db", ctx.mutable_options().db_path,
                 "SQLite database (default ./data/ordo.db, or env ORDO_DB)");
  app.add_option("--actor", ctx.mutable_options().actor,
                 "Who is acting, for the audit trail (default cli)")
      ->check(TextArgument(ordo::text_limits::kActor));
  RegisterMigrateCommand(app, ctx);
  RegisterOrderCommands(app, ctx);
  RegisterDemoCommand(app, ctx);
  RegisterImportCommand(app, ctx);
  RegisterServeCommand(app, ctx);
  RegisterUserCommands(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const ExitCode& e) {
    return e.code;
  } catch (const std::exception& e) {
    std::cerr << "ordo: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
