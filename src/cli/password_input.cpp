#include "cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

namespace ordo::cli {
namespace {

Status Refused(std::string message) {
  return Status::InvalidArgument(message, {{"password", "invalid", message}});
}

std::string WithoutLineEnd(std::string line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// One line typed on the terminal behind standard input, not echoed.
std::string PromptHidden(const char* prompt) {
  std::cerr << prompt << std::flush;
  termios before{};
  bool hidden = tcgetattr(STDIN_FILENO, &before) == 0;
  if (hidden) {
    termios quiet = before;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (hidden) tcsetattr(STDIN_FILENO, TCSAFLUSH, &before);
  std::cerr << "\n";
  return WithoutLineEnd(line);
}

}  // namespace

void AddPasswordOptions(CLI::App& command, PasswordSource& source) {
  auto* in = command.add_flag("--password-stdin", source.from_stdin,
                              "Read the password from the first line of standard input");
  auto* file = command.add_option("--password-file", source.file,
                                  "Read the password from the first line of FILE");
  in->excludes(file);
}

Result<std::string> ReadPassword(const PasswordSource& source) {
  std::string password;
  if (!source.file.empty()) {
    std::ifstream in(source.file);
    if (!in) return Refused("cannot read the password file " + source.file);
    std::getline(in, password);
    password = WithoutLineEnd(password);
  } else if (source.from_stdin) {
    std::getline(std::cin, password);
    password = WithoutLineEnd(password);
  } else if (isatty(STDIN_FILENO)) {
    password = PromptHidden("Password: ");
    if (PromptHidden("Repeat the password: ") != password) {
      return Refused("the two passwords differ");
    }
  } else {
    return Refused("standard input is not a terminal: give --password-stdin or --password-file");
  }
  if (password.empty()) return Refused("the password is empty");
  return password;
}

}  // namespace ordo::cli
