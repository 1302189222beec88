#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace ordo::cli {

// `ordo migrate`: applies pending schema migrations.
void RegisterMigrateCommand(CLI::App& app, CliContext& ctx);

}  // namespace ordo::cli
