// ConnectionRegistry: the server's set of open connections (internal to the server).
//
// Owns each open connection (a connection removes itself when it closes), so Stop() can drain
// them, force-close stragglers and finally release them while the io_context still exists.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace ordo::http::internal {

class Connection;

class ConnectionRegistry {
 public:
  // Adds `connection`; false when `max_size` connections are already open.
  bool Add(std::shared_ptr<Connection> connection, size_t max_size);
  void Remove(const Connection* connection);
  std::vector<std::shared_ptr<Connection>> Snapshot() const;
  // Blocks until no connection is open or `deadline` passes; true when empty.
  bool WaitEmpty(std::chrono::steady_clock::time_point deadline);
  // Drops every connection. Only once the io threads have stopped.
  void Clear();

 private:
  mutable std::mutex mu_;
  std::condition_variable empty_;
  std::unordered_map<const Connection*, std::shared_ptr<Connection>> connections_;
};

}  // namespace ordo::http::internal
