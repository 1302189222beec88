#include "store/connection_pool.h"

namespace ordo::store {

ConnectionPool::ConnectionPool(size_t size, const std::function<ConnectionPtr()>& open) {
  for (size_t i = 0; i < size; ++i) free_.push_back(open());
}

ConnectionPool::Lease ConnectionPool::Borrow() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return !free_.empty(); });
  ConnectionPtr conn = std::move(free_.back());
  free_.pop_back();
  return Lease(*this, std::move(conn));
}

void ConnectionPool::Return(ConnectionPtr conn) {
  {
    std::lock_guard lock(mu_);
    free_.push_back(std::move(conn));
  }
  cv_.notify_one();
}

}  // namespace ordo::store
