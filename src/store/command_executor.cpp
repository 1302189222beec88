#include "store/command_executor.h"

#include <pthread.h>
#include <time.h>

#include <algorithm>
#include <exception>

#include "core/money.h"
#include "store/transaction.h"

namespace ordo::store {

Status StatusOfException(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const OverflowError& ex) {
    return Status::InvalidArgument(std::string("amount out of range: ") + ex.what());
  } catch (const StoreError& ex) {
    switch (ex.kind()) {
      case StoreErrorKind::kUnique:
        return Status::Conflict(ex.what());
      case StoreErrorKind::kBusy:
      case StoreErrorKind::kIo:
        return Status(ErrorCode::kUnavailable, ex.what());
      default:
        return Status::Internal(ex.what());
    }
  } catch (const std::exception& ex) {
    return Status::Internal(ex.what());
  } catch (...) {
    return Status::Internal("a command failed with an unknown exception");
  }
}

CommandExecutor::CommandExecutor(ConnectionPtr writer, Options options)
    : conn_(std::move(writer)), options_(options) {
  options_.max_batch = std::max<size_t>(options_.max_batch, 1);
  writer_ = std::thread([this] { WriterLoop(); });
}

CommandExecutor::~CommandExecutor() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  writer_.join();
}

void CommandExecutor::Submit(CommandFn command, DoneFn done) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(Pending{std::move(command), std::move(done), Status::Ok()});
  }
  cv_.notify_one();
}

Status CommandExecutor::Run(CommandFn command) {
  std::promise<Status> promise;
  auto future = promise.get_future();
  Submit(std::move(command), [&promise](const Status& s) { promise.set_value(s); });
  return future.get();
}

ExecutorStats CommandExecutor::Stats() const {
  ExecutorStats stats;
  {
    std::lock_guard lock(mu_);
    stats = stats_;
    if (waiting_since_) {
      stats.writer_wait_seconds +=
          std::chrono::duration<double>(std::chrono::steady_clock::now() - *waiting_since_).count();
    }
  }
  clockid_t cpu;
  timespec ts{};
  if (pthread_getcpuclockid(const_cast<std::thread&>(writer_).native_handle(), &cpu) == 0 &&
      clock_gettime(cpu, &ts) == 0) {
    stats.writer_cpu_seconds =
        static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
  }
  return stats;
}

void CommandExecutor::WriterLoop() {
  // Named so that top -H, perf and gdb show which thread is the writer.
  pthread_setname_np(pthread_self(), "ordo-writer");
  std::vector<Pending> batch;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      if (queue_.empty() && !stopping_) {
        waiting_since_ = std::chrono::steady_clock::now();
        cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        stats_.writer_wait_seconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - *waiting_since_)
                .count();
        waiting_since_.reset();
      }
      if (queue_.empty()) return;  // stopping, and everything is done
      size_t n = std::min(queue_.size(), options_.max_batch);
      for (size_t i = 0; i < n; ++i) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      stats_.batches++;
      stats_.commands += static_cast<int64_t>(n);
      stats_.max_batch = std::max<int64_t>(stats_.max_batch, static_cast<int64_t>(n));
    }
    auto started = std::chrono::steady_clock::now();
    RunBatch(batch);
    if (options_.on_batch) {
      try {
        options_.on_batch(batch.size(), std::chrono::steady_clock::now() - started);
      } catch (...) {
        // Observation must never stop the writer.
      }
    }
    for (auto& p : batch) {
      try {
        p.done(p.status);
      } catch (...) {
        // A caller's callback failed; the other callers of the batch still get their answers.
      }
    }
    batch.clear();
  }
}

Status CommandExecutor::Invoke(Pending& p) {
  try {
    return p.command(*conn_);
  } catch (...) {
    return StatusOfException(std::current_exception());
  }
}

Status CommandExecutor::RunOne(Pending& p) {
  Savepoint sp(*conn_, "command");
  Status st = Invoke(p);
  if (st.ok()) {
    sp.Release();
  } else {
    sp.RollBack();
  }
  return st;
}

void CommandExecutor::RunBatch(std::vector<Pending>& batch) {
  if (conn_->TotalChanges() >= 0 && RunBatchWithoutSavepoints(batch)) return;
  RunBatchWithSavepoints(batch);
}

bool CommandExecutor::RunBatchWithoutSavepoints(std::vector<Pending>& batch) {
  try {
    Transaction tx(*conn_);
    for (auto& p : batch) {
      int64_t before = conn_->TotalChanges();
      p.status = Invoke(p);
      // Only a savepoint could undo a failed command's writes alone.
      if (!p.status.ok() && conn_->TotalChanges() != before) return false;
      if (!conn_->InTransaction()) return false;
    }
    tx.Commit();
    return true;
  } catch (...) {
    return false;  // the transaction failed; the careful path runs the batch again
  }
}

void CommandExecutor::RunBatchWithSavepoints(std::vector<Pending>& batch) {
  try {
    Transaction tx(*conn_);
    for (auto& p : batch) {
      p.status = RunOne(p);
      // SQLite rolls the whole transaction back on some errors (I/O, disk full).
      if (!conn_->InTransaction()) throw StoreError(StoreErrorKind::kIo, p.status.message());
    }
    tx.Commit();
    return;
  } catch (...) {
    if (batch.size() == 1) {
      if (batch[0].status.ok()) batch[0].status = StatusOfException(std::current_exception());
      return;
    }
  }
  // The batch's transaction failed: give each command a transaction of its own.
  for (auto& p : batch) {
    std::vector<Pending> single;
    single.push_back(Pending{p.command, [](const Status&) {}, Status::Ok()});
    RunBatchWithSavepoints(single);
    p.status = single[0].status;
  }
}

}  // namespace ordo::store
