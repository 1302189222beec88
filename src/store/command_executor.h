// The command executor: one unit of work per command, many commands per durable commit.
//
// A command is a function that reads and writes through the Connection it is given and
// returns a Status. The executor owns the only write connection and runs commands on its own
// writer thread, in arrival order. Whatever commands are waiting when the writer is free form
// a batch: one transaction in which a command that fails (a non-OK Status or an exception)
// rolls back alone. Each caller is answered only after the batch's commit has returned, which
// with synchronous=FULL means it is on disk. If the transaction itself fails (disk full, I/O
// error), every command of the batch is re-run in a transaction of its own, so one bad command
// never fails the others.
//
// How a failed command rolls back alone: a batch first runs without savepoints, since a
// savepoint copies every page a command touches. A command that fails having changed nothing
// (validation errors, which come before any write) needs no undo. When a command fails after
// changing rows, the whole transaction is rolled back and the batch runs again with a
// savepoint per command. Commands must therefore be safe to run again: they act only on the
// database, through the Connection they are given.
//
// Thread-safety: Submit() and Run() may be called from any number of threads.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "core/status.h"
#include "store/database.h"

namespace ordo::store {

// Maps what a command may throw onto the Status its caller receives: an amount overflow is
// invalid_argument, a unique violation a conflict, a busy or failing database unavailable,
// anything else internal. Also for work done on read connections outside the executor.
Status StatusOfException(std::exception_ptr e);

using CommandFn = std::function<Status(Connection&)>;
using DoneFn = std::function<void(const Status&)>;

struct ExecutorStats {
  int64_t batches = 0;
  int64_t commands = 0;
  int64_t max_batch = 0;
  double writer_cpu_seconds = 0;   // CPU time the writer thread has used so far
  double writer_wait_seconds = 0;  // wall time it has waited for commands with none queued
};

class CommandExecutor {
 public:
  struct Options {
    size_t max_batch = 512;  // commands per transaction; 0 is taken as 1
    // After each batch's transaction has ended, on the writer thread: how many commands it
    // held and how long it took to run and commit them. Must be quick; exceptions are ignored.
    std::function<void(size_t commands, std::chrono::nanoseconds took)> on_batch;
  };

  explicit CommandExecutor(ConnectionPtr writer) : CommandExecutor(std::move(writer), Options{}) {}
  CommandExecutor(ConnectionPtr writer, Options options);
  // Finishes every submitted command, then stops the writer thread.
  ~CommandExecutor();
  CommandExecutor(const CommandExecutor&) = delete;
  CommandExecutor& operator=(const CommandExecutor&) = delete;

  // Queues `command`; `done` is called on the writer thread after the outcome is durable
  // (or known to have failed). `done` must be quick and must not submit and wait.
  void Submit(CommandFn command, DoneFn done);

  // Runs `command` and waits for its durable outcome.
  Status Run(CommandFn command);

  // Runs a command that produces a value: the value is returned only if the commit succeeded.
  template <typename T>
  Result<T> RunFor(std::function<Result<T>(Connection&)> command) {
    std::optional<T> value;
    Status st = Run([&](Connection& c) -> Status {
      Result<T> r = command(c);
      if (!r.ok()) return r.status();
      value = std::move(r).value();
      return Status::Ok();
    });
    if (!st.ok()) return st;
    return std::move(*value);
  }

  ExecutorStats Stats() const;

 private:
  struct Pending {
    CommandFn command;
    DoneFn done;
    Status status;
  };

  void WriterLoop();
  void RunBatch(std::vector<Pending>& batch);
  bool RunBatchWithoutSavepoints(std::vector<Pending>& batch);
  void RunBatchWithSavepoints(std::vector<Pending>& batch);
  Status RunOne(Pending& p);
  Status Invoke(Pending& p);

  ConnectionPtr conn_;
  Options options_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  ExecutorStats stats_;
  // When the writer began to wait for commands, while it waits (guarded by mu_).
  std::optional<std::chrono::steady_clock::time_point> waiting_since_;
  std::thread writer_;
};

}  // namespace ordo::store
