// WorkerPool: a fixed set of threads running submitted tasks, with bounded capacity.
//
// Capacity is `threads + max_queued` outstanding tasks (running or waiting); TrySubmit refuses
// work beyond that instead of queueing without bound, so the server can shed load with a 503.
//
// Thread-safety: all methods may be called from any thread, except that Shutdown() must not be
// called from a task. Tasks must not throw (exceptions escaping a task terminate the process).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ordo::http {

class WorkerPool {
 public:
  // REQUIRES: threads >= 1.
  WorkerPool(size_t threads, size_t max_queued);
  ~WorkerPool();  // Shutdown()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues `task`; false (and `task` is destroyed) when at capacity or shut down.
  bool TrySubmit(std::function<void()> task);

  // Refuses new tasks, destroys queued tasks that have not started, waits for running tasks,
  // and joins the threads. Idempotent.
  void Shutdown();

  // Tasks running or waiting.
  size_t outstanding() const;

 private:
  void Run();

  const size_t capacity_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  size_t running_ = 0;
  bool shut_down_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace ordo::http
