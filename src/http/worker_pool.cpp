#include "http/worker_pool.h"

namespace ordo::http {

WorkerPool::WorkerPool(size_t threads, size_t max_queued)
    : capacity_((threads == 0 ? 1 : threads) + max_queued) {
  if (threads == 0) threads = 1;
  threads_.reserve(threads);
  for (size_t i = 0; i < threads; ++i) threads_.emplace_back([this] { Run(); });
}

WorkerPool::~WorkerPool() {
  Shutdown();
}

bool WorkerPool::TrySubmit(std::function<void()> task) {
  {
    std::lock_guard lock(mu_);
    if (!shut_down_ && queue_.size() + running_ < capacity_) {
      queue_.push_back(std::move(task));
      wake_.notify_one();
      return true;
    }
  }
  return false;  // `task` is destroyed here, outside the lock
}

void WorkerPool::Shutdown() {
  std::deque<std::function<void()>> discarded;
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(mu_);
    shut_down_ = true;
    discarded.swap(queue_);
    threads.swap(threads_);
  }
  wake_.notify_all();
  discarded.clear();
  for (std::thread& thread : threads) thread.join();
}

size_t WorkerPool::outstanding() const {
  std::lock_guard lock(mu_);
  return queue_.size() + running_;
}

void WorkerPool::Run() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [this] { return shut_down_ || !queue_.empty(); });
    if (queue_.empty()) return;  // shut down
    std::function<void()> task = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    task();
    task = nullptr;  // release captures before counting the task as done
    lock.lock();
    --running_;
  }
}

}  // namespace ordo::http
