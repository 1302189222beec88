// RAII transactions and savepoints: rolled back unless committed (or released).
#pragma once

#include <string>

#include "store/database.h"

namespace ordo::store {

class Transaction {
 public:
  explicit Transaction(Connection& conn) : conn_(conn) { conn_.Begin(); }
  ~Transaction() {
    if (!done_) {
      try {
        conn_.Rollback();
      } catch (...) {
        // A failed rollback leaves SQLite to roll back when the connection closes.
      }
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void Commit() {
    conn_.Commit();
    done_ = true;
  }

 private:
  Connection& conn_;
  bool done_ = false;
};

// A named savepoint inside a transaction: Release() keeps its work, destruction without
// Release() rolls it back (the enclosing transaction goes on).
class Savepoint {
 public:
  Savepoint(Connection& conn, std::string name);
  ~Savepoint();
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;

  void Release();
  void RollBack();

 private:
  Connection& conn_;
  std::string name_;
  bool done_ = false;
};

}  // namespace ordo::store
