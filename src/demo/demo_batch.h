// Many commands through the executor without a round trip each: Add() submits at once, Wait()
// collects the outcomes. The executor runs them in submission order and commits them in
// batches, so thousands of commands take seconds, and later commands see earlier ones.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>

#include "core/status.h"
#include "store/command_executor.h"

namespace ordo::demo {

class CommandBatch {
 public:
  explicit CommandBatch(store::CommandExecutor& exec) : exec_(exec) {}
  // Waits for whatever is still running: the executor calls back into this object.
  ~CommandBatch();
  CommandBatch(const CommandBatch&) = delete;
  CommandBatch& operator=(const CommandBatch&) = delete;

  // Submits `command`; `what` names it in the error should it fail ("order 17 of C-1012").
  void Add(std::string what, store::CommandFn command);

  // Waits for every command added so far. Returns OK, or the failure of the earliest failed
  // command with `what` in front of its message.
  Status Wait();

 private:
  store::CommandExecutor& exec_;
  std::mutex mu_;
  std::condition_variable cv_;
  size_t submitted_ = 0;
  size_t done_ = 0;
  std::optional<std::pair<size_t, Status>> first_failure_;
};

}  // namespace ordo::demo
