#include "store/transaction.h"

namespace ordo::store {

Savepoint::Savepoint(Connection& conn, std::string name) : conn_(conn), name_(std::move(name)) {
  conn_.Execute("SAVEPOINT " + name_);
}

Savepoint::~Savepoint() {
  if (done_) return;
  try {
    RollBack();
  } catch (...) {
    // The enclosing transaction is gone (SQLite rolled it back); nothing is left to undo.
  }
}

void Savepoint::Release() {
  conn_.Execute("RELEASE SAVEPOINT " + name_);
  done_ = true;
}

void Savepoint::RollBack() {
  done_ = true;
  if (!conn_.InTransaction()) return;
  conn_.Execute("ROLLBACK TO SAVEPOINT " + name_);
  conn_.Execute("RELEASE SAVEPOINT " + name_);
}

}  // namespace ordo::store
