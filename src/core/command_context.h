// Who runs a command, when, and under which request: recorded in audit rows and events.
#pragma once

#include <string>

#include "core/clock.h"

namespace ordo {

struct CommandContext {
  std::string actor;       // "user:alice", "cli", "system"
  std::string request_id;  // empty outside a request
  Timestamp now;           // the command's time, taken once from the injected clock
};

}  // namespace ordo
