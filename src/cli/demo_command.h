#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace ordo::cli {

// `ordo demo-data [--seed N] [--items N] [--customers N] [--days N] [--orders-per-day N]`:
// migrates the database, fills it with a demo distributor through the domain commands and
// prints a summary. Refuses a database that already has data.
void RegisterDemoCommand(CLI::App& app, CliContext& ctx);

}  // namespace ordo::cli
