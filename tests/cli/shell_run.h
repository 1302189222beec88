// Running a shell command line in a test and collecting what it printed: the CLI tests drive
// the real `ordo` binary as a user would, through the shell (pipes, redirections, quoting).
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace ordo::cli_testing {

struct Outcome {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

// Runs `shell` with ORDO_DB unset (so a developer's environment never picks the database) and
// stderr joined to stdout; exit_code is -1 when the command did not exit normally.
inline Outcome RunShell(const std::string& shell) {
  Outcome run;
  FILE* pipe = popen(("unset ORDO_DB; " + shell + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.output.append(buf.data(), n);
  int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace ordo::cli_testing
