// What the API's handlers share: the command executor for writes, the read pool, the clock.
// Owned by the serve command; handlers hold a reference for the server's lifetime.
#pragma once

#include "core/clock.h"
#include "store/command_executor.h"
#include "store/connection_pool.h"

namespace ordo::api {

struct ApiContext {
  store::CommandExecutor& executor;
  store::ConnectionPool& readers;
  const Clock& clock;
};

}  // namespace ordo::api
