// WalCheckpointer: moves SQLite's WAL checkpoints off the command executor's writer thread.
//
// In WAL mode every commit appends pages to the -wal file, and by default the connection that
// commits copies them back into the database file (and fsyncs it) whenever the WAL passes
// 1000 pages: measured under order load, that was a sixth of the writer thread's time. Here a
// background thread on its own connection runs PRAGMA wal_checkpoint(PASSIVE) every
// `interval`; a passive checkpoint never blocks the writer or readers. The writer keeps a
// high automatic threshold (kWriterAutoCheckpointPages) only as a backstop, in case
// checkpoints cannot keep up (e.g. a long-running reader pins old frames).
//
//   WalCheckpointer checkpointer(db_path);
//   ConnectionPtr writer = OpenSqlite(db_path);
//   WalCheckpointer::TakeOverFrom(*writer);
//
// Thread-safe; the destructor stops the thread after one last checkpoint.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "store/database.h"

namespace ordo::store {

class WalCheckpointer {
 public:
  static constexpr int kWriterAutoCheckpointPages = 16384;  // 64 MiB of 4 KiB pages

  explicit WalCheckpointer(std::string path,
                           std::chrono::milliseconds interval = std::chrono::milliseconds(100));
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

  // Raises `writer`'s automatic checkpoint threshold to the backstop.
  static void TakeOverFrom(Connection& writer);

  int64_t checkpoints() const { return checkpoints_.load(); }

 private:
  void Loop();

  std::string path_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::atomic<int64_t> checkpoints_{0};
  std::thread thread_;
};

}  // namespace ordo::store
