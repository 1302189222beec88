#include "api/housekeeping.h"

#include "api/idempotency.h"
#include "auth/credential_commands.h"

namespace ordo::api {

PurgeCounts RunHousekeeping(store::Connection& conn, Timestamp now) {
  return {auth::PurgeExpiredTokens(conn, now), PurgeIdempotencyKeys(conn, now)};
}

Housekeeping::Housekeeping(store::CommandExecutor& executor, const Clock& clock,
                           std::chrono::milliseconds interval)
    : executor_(executor), clock_(clock), interval_(interval), thread_([this] { Loop(); }) {}

Housekeeping::~Housekeeping() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Housekeeping::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    Timestamp now = clock_.Now();
    // Submitted, not waited for: the loop never holds up shutdown behind a busy writer. A
    // failed round (disk full) is simply tried again next time.
    executor_.Submit(
        [now](store::Connection& conn) {
          RunHousekeeping(conn, now);
          return Status::Ok();
        },
        [](const Status&) {});
    wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace ordo::api
