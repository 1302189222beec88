#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace ordo::cli {

// `ordo user add|api-key`: user administration.
//   ordo user add --username U --password P --role R [--role R2] [--customer CODE]
//     prints the created user as JSON ({"id", "username", "roles", "customer_id"}).
//   ordo user api-key --username U --name NAME
//     prints {"id", "name", "key"}; the key is shown only this once.
// Errors go to stderr as JSON problems with exit status 1.
void RegisterUserCommands(CLI::App& app, CliContext& ctx);

}  // namespace ordo::cli
