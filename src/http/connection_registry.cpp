#include "http/connection_registry.h"

namespace ordo::http::internal {

Admission ConnectionRegistry::Add(std::shared_ptr<Connection> connection,
                                  const std::string& address, size_t max_total,
                                  size_t max_per_address) {
  std::lock_guard lock(mu_);
  if (connections_.size() >= max_total) return Admission::kServerFull;
  auto count = per_address_.find(address);
  size_t from_address = count == per_address_.end() ? 0 : count->second;
  if (from_address >= max_per_address) return Admission::kAddressFull;
  ++per_address_[address];
  const Connection* key = connection.get();
  connections_.emplace(key, Entry{std::move(connection), address});
  return Admission::kAdmitted;
}

void ConnectionRegistry::Remove(const Connection* connection) {
  std::shared_ptr<Connection> removed;  // released outside the lock
  std::lock_guard lock(mu_);
  auto it = connections_.find(connection);
  if (it == connections_.end()) return;
  removed = std::move(it->second.connection);
  auto count = per_address_.find(it->second.address);
  if (count != per_address_.end() && --count->second == 0) per_address_.erase(count);
  connections_.erase(it);
  if (connections_.empty()) empty_.notify_all();
}

std::vector<std::shared_ptr<Connection>> ConnectionRegistry::Snapshot() const {
  std::lock_guard lock(mu_);
  std::vector<std::shared_ptr<Connection>> out;
  out.reserve(connections_.size());
  for (const auto& [key, entry] : connections_) out.push_back(entry.connection);
  return out;
}

bool ConnectionRegistry::WaitEmpty(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mu_);
  return empty_.wait_until(lock, deadline, [this] { return connections_.empty(); });
}

void ConnectionRegistry::Clear() {
  std::unordered_map<const Connection*, Entry> dropped;
  std::lock_guard lock(mu_);
  dropped.swap(connections_);
  per_address_.clear();
}

bool ConnectionRegistry::TryBeginRefusal(size_t max_refusing) {
  std::lock_guard lock(mu_);
  if (refusing_ >= max_refusing) return false;
  ++refusing_;
  return true;
}

void ConnectionRegistry::EndRefusal() {
  std::lock_guard lock(mu_);
  if (refusing_ > 0) --refusing_;
}

}  // namespace ordo::http::internal
