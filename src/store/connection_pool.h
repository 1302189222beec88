// A fixed set of read connections shared by request handlers.
//
// Reads never go through the command executor: each handler borrows a connection, reads a
// committed snapshot (SQLite WAL lets readers run beside the writer), and gives it back. A
// lease is one read transaction: everything read through it comes from the snapshot its first
// read found, so a document read in several statements is never half of one commit and half
// of the next. It also lets SQLite keep its page cache and read lock for the whole lease
// rather than take them again for every statement. Hold a lease only while reading: what is
// committed after its first read is not seen through it.
//
// Thread-safety: Borrow() may be called from any thread; it waits while all are lent.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "store/database.h"

namespace ordo::store {

class ConnectionPool {
 public:
  // Opens `size` connections with `open`.
  ConnectionPool(size_t size, const std::function<ConnectionPtr()>& open);

  class Lease {
   public:
    Lease(ConnectionPool& pool, ConnectionPtr conn) : pool_(&pool), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept = default;
    ~Lease() {
      if (conn_) pool_->Return(std::move(conn_));
    }
    Connection& operator*() { return *conn_; }
    Connection* operator->() { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    ConnectionPtr conn_;
  };

  Lease Borrow();

 private:
  void Return(ConnectionPtr conn);

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<ConnectionPtr> free_;
};

}  // namespace ordo::store
