// ConnectionRegistry: the server's set of open connections (internal to the server).
//
// Owns each open connection (a connection removes itself when it closes), so Stop() can drain
// them, force-close stragglers and finally release them while the io_context still exists.
// Admits a connection only within the total and per-address limits, and counts the excess
// connections being refused (answered 503 and closed), which it does not own.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace ordo::http::internal {

class Connection;

enum class Admission {
  kAdmitted,
  kServerFull,   // max_total connections are open
  kAddressFull,  // max_per_address connections from the same address are open
};

class ConnectionRegistry {
 public:
  // Adds `connection` from the client address `address` (without port) unless a limit is
  // reached; the connection is owned by the registry only when admitted.
  Admission Add(std::shared_ptr<Connection> connection, const std::string& address,
                size_t max_total, size_t max_per_address);
  void Remove(const Connection* connection);
  std::vector<std::shared_ptr<Connection>> Snapshot() const;
  // Blocks until no connection is open or `deadline` passes; true when empty.
  bool WaitEmpty(std::chrono::steady_clock::time_point deadline);
  // Drops every connection. Only once the io threads have stopped.
  void Clear();

  // A refusal may begin while fewer than `max_refusing` are in flight; each begun one is
  // ended once, when its connection closes.
  bool TryBeginRefusal(size_t max_refusing);
  void EndRefusal();

 private:
  struct Entry {
    std::shared_ptr<Connection> connection;
    std::string address;
  };

  mutable std::mutex mu_;
  std::condition_variable empty_;
  std::unordered_map<const Connection*, Entry> connections_;
  std::unordered_map<std::string, size_t> per_address_;  // only addresses with open connections
  size_t refusing_ = 0;
};

}  // namespace ordo::http::internal
