#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace ordo::cli {

// `ordo serve [--listen HOST:PORT]`: the HTTP server. Applies pending migrations first,
// refuses to start when the database is newer than this binary or the port is taken, and
// shuts down gracefully on SIGTERM/SIGINT (in-flight requests finish, their commands commit).
void RegisterServeCommand(CLI::App& app, CliContext& ctx);

}  // namespace ordo::cli
