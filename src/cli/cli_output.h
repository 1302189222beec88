// How `ordo` reports an error: a JSON problem on stderr, and the exit status.
#pragma once

#include "core/status.h"

namespace ordo::cli {

// Thrown by a subcommand to end the program with `code` after it has printed its error.
struct ExitCode {
  int code;
};

// Prints {"code", "detail", "errors": [...]} to stderr; returns the exit status (1).
int PrintProblem(const Status& status);

}  // namespace ordo::cli
