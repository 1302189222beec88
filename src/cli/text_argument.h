// A CLI11 check that an option's value is acceptable text for its field (core/text_check.h):
// valid UTF-8, no control characters, within the field's length in characters. A refused
// value ends the command before anything runs, with the option named in the message.
#pragma once

#include <CLI/CLI.hpp>

#include "core/text_limits.h"

namespace ordo::cli {

CLI::Validator TextArgument(TextLimit limit);

}  // namespace ordo::cli
