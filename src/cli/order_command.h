#pragma once

#include <CLI/CLI.hpp>

#include "cli/cli_context.h"

namespace ordo::cli {

// `ordo order place|show|cancel|release-hold`: order entry for scripts. Output is the order
// as JSON (the API's form); errors go to stderr as JSON problems with exit status 1.
void RegisterOrderCommands(CLI::App& app, CliContext& ctx);

}  // namespace ordo::cli
