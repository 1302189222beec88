#include "store/connection_pool.h"

namespace ordo::store {

ConnectionPool::ConnectionPool(size_t size, const std::function<ConnectionPtr()>& open) {
  for (size_t i = 0; i < size; ++i) free_.push_back(open());
}

ConnectionPool::Lease ConnectionPool::Borrow() {
  ConnectionPtr conn;
  {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return !free_.empty(); });
    conn = std::move(free_.back());
    free_.pop_back();
  }
  try {
    // A connection that Return() could not clean up is still in its last lease's snapshot.
    if (conn->InTransaction()) conn->Rollback();
    conn->BeginRead();
  } catch (...) {
    Return(std::move(conn));
    throw;
  }
  return Lease(*this, std::move(conn));
}

void ConnectionPool::Return(ConnectionPtr conn) {
  // Ends the lease's read transaction (COMMIT of a transaction that read only writes
  // nothing).
  try {
    if (conn->InTransaction()) conn->Commit();
  } catch (...) {
    try {
      conn->Rollback();
    } catch (...) {
      // Borrow() tries again before the connection is lent out.
    }
  }
  {
    std::lock_guard lock(mu_);
    free_.push_back(std::move(conn));
  }
  cv_.notify_one();
}

}  // namespace ordo::store
