// Where the CLI reads a new password from, never from an argument (an argument shows in the
// process list and in the shell's history):
//   --password-file FILE   the file's first line
//   --password-stdin       the first line of standard input
//   neither                a prompt on the terminal without echo, asked twice, when standard
//                          input is a terminal; refused otherwise
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "core/status.h"

namespace ordo::cli {

struct PasswordSource {
  bool from_stdin = false;
  std::string file;
};

// Adds --password-stdin and --password-file to `command`.
void AddPasswordOptions(CLI::App& command, PasswordSource& source);

// The password from `source`, without its line ending. Errors: invalid_argument naming
// "password" (both options given, an unreadable file, no terminal to prompt on, an empty
// password, two different answers at the prompt).
Result<std::string> ReadPassword(const PasswordSource& source);

}  // namespace ordo::cli
