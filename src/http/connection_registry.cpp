#include "http/connection_registry.h"

namespace ordo::http::internal {

bool ConnectionRegistry::Add(std::shared_ptr<Connection> connection, size_t max_size) {
  std::lock_guard lock(mu_);
  if (connections_.size() >= max_size) return false;
  const Connection* key = connection.get();
  connections_.emplace(key, std::move(connection));
  return true;
}

void ConnectionRegistry::Remove(const Connection* connection) {
  std::shared_ptr<Connection> removed;  // released outside the lock
  std::lock_guard lock(mu_);
  auto it = connections_.find(connection);
  if (it == connections_.end()) return;
  removed = std::move(it->second);
  connections_.erase(it);
  if (connections_.empty()) empty_.notify_all();
}

std::vector<std::shared_ptr<Connection>> ConnectionRegistry::Snapshot() const {
  std::lock_guard lock(mu_);
  std::vector<std::shared_ptr<Connection>> out;
  out.reserve(connections_.size());
  for (const auto& [key, connection] : connections_) out.push_back(connection);
  return out;
}

bool ConnectionRegistry::WaitEmpty(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  return empty_.wait_until(lock, deadline, [this] { return connections_.empty(); });
}

void ConnectionRegistry::Clear() {
  std::unordered_map<const Connection*, std::shared_ptr<Connection>> dropped;
  std::lock_guard lock(mu_);
  dropped.swap(connections_);
}

}  // namespace ordo::http::internal
