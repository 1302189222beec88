#include "store/sqlite/wal_checkpointer.h"

#include "store/sqlite/sqlite_connection.h"

namespace ordo::store {

WalCheckpointer::WalCheckpointer(std::string path, std::chrono::milliseconds interval)
    : path_(std::move(path)), interval_(interval), thread_([this] { Loop(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void WalCheckpointer::TakeOverFrom(Connection& writer) {
  writer.Execute("PRAGMA wal_autocheckpoint=" + std::to_string(kWriterAutoCheckpointPages));
}

void WalCheckpointer::Loop() {
  ConnectionPtr conn;
  for (;;) {
    bool stop = false;
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, interval_, [this] { return stopping_; });
      stop = stopping_;
    }
    try {
      if (!conn) conn = OpenSqlite(path_);
      conn->Execute("PRAGMA wal_checkpoint(PASSIVE)");
      checkpoints_++;
    } catch (const std::exception&) {
      // A busy or failing checkpoint is retried at the next tick; the writer's backstop
      // threshold keeps the WAL bounded meanwhile. Reopen in case the connection is broken.
      conn.reset();
    }
    if (stop) return;
  }
}

}  // namespace ordo::store
