// Housekeeping: the serve process's periodic purge of credentials and answers that can no
// longer be used: expired bearer tokens (auth::PurgeExpiredTokens) and idempotency answers past
// their window (PurgeIdempotencyKeys). Both run as one command through the executor, once when
// the task starts and then every `interval`, so the tables stay bounded by what is live.
//
// The task owns one thread, which only waits and submits; the executor must outlive it.
// Destroying it stops the thread (without waiting for `interval`). Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "core/clock.h"
#include "core/status.h"
#include "store/command_executor.h"

namespace ordo::api {

inline constexpr std::chrono::minutes kHousekeepingInterval{5};

struct PurgeCounts {
  int64_t tokens = 0;
  int64_t idempotency_keys = 0;
};

// One round of housekeeping at `now` (a write: run it through the executor).
PurgeCounts RunHousekeeping(store::Connection& conn, Timestamp now);

class Housekeeping {
 public:
  Housekeeping(store::CommandExecutor& executor, const Clock& clock,
               std::chrono::milliseconds interval = kHousekeepingInterval);
  ~Housekeeping();
  Housekeeping(const Housekeeping&) = delete;
  Housekeeping& operator=(const Housekeeping&) = delete;

 private:
  void Loop();

  store::CommandExecutor& executor_;
  const Clock& clock_;
  const std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ordo::api
