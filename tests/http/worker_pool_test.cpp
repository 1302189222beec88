#include "http/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <latch>
#include <memory>

namespace ordo::http {
namespace {

TEST(WorkerPoolTest, RunsTasks) {
  WorkerPool pool(2, 8);
  std::latch done(5);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(pool.TrySubmit([&] { done.count_down(); }));
  done.wait();
}

TEST(WorkerPoolTest, RefusesBeyondThreadsPlusQueue) {
  WorkerPool pool(1, 1);
  std::promise<void> started;
  std::latch release(1);
  ASSERT_TRUE(pool.TrySubmit([&] {
    started.set_value();
    release.wait();
  }));
  started.get_future().wait();
  std::promise<void> second_ran;
  ASSERT_TRUE(pool.TrySubmit([&] { second_ran.set_value(); }));
  EXPECT_FALSE(pool.TrySubmit([] {}));
  EXPECT_EQ(pool.outstanding(), 2u);
  release.count_down();
  second_ran.get_future().wait();
}

// Signals when destroyed, i.e. when the task holding it is discarded.
struct DestructionSignal {
  std::promise<void> destroyed;
  ~DestructionSignal() { destroyed.set_value(); }
};

TEST(WorkerPoolTest, ShutdownDiscardsQueuedTasksAndWaitsForRunningOnes) {
  WorkerPool pool(1, 4);
  std::promise<void> started;
  std::latch release(1);
  std::atomic<bool> first_finished = false;
  std::atomic<bool> queued_ran = false;
  ASSERT_TRUE(pool.TrySubmit([&] {
    started.set_value();
    release.wait();
    first_finished = true;
  }));
  started.get_future().wait();
  auto signal = std::make_shared<DestructionSignal>();
  std::future<void> discarded = signal->destroyed.get_future();
  ASSERT_TRUE(pool.TrySubmit([&, signal] { queued_ran = true; }));
  signal.reset();
  auto shutdown = std::async(std::launch::async, [&] { pool.Shutdown(); });
  discarded.wait();  // the only worker is busy, so only Shutdown() can have dropped the task
  release.count_down();
  shutdown.get();
  EXPECT_TRUE(first_finished);
  EXPECT_FALSE(queued_ran);
  EXPECT_FALSE(pool.TrySubmit([] {}));
}

}  // namespace
}  // namespace ordo::http
