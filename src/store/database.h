// The database port: connections and prepared statements, independent of the backend.
//
// Domain code talks to a Connection with portable SQL ('?' placeholders, RETURNING and
// ON CONFLICT, which both SQLite >= 3.35 and PostgreSQL have); a driver (sqlite/, later
// postgres/) implements it. Driver failures are thrown as StoreError: they are infrastructure
// failures or constraint violations that the command executor turns into a Status.
//
// Thread-safety: a Connection and its statements belong to one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ordo::store {

enum class StoreErrorKind {
  kUnique,      // a unique or primary key constraint
  kConstraint,  // a CHECK, NOT NULL or foreign key constraint
  kBusy,        // the database is locked by another process
  kIo,          // disk full, I/O error
  kOther,
};

class StoreError : public std::runtime_error {
 public:
  StoreError(StoreErrorKind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  StoreErrorKind kind() const { return kind_; }

 private:
  StoreErrorKind kind_;
};

// A prepared statement. Parameters are 1-based, result columns 0-based.
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void BindNull(int index) = 0;
  virtual void BindInt(int index, int64_t value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  // Runs to the next row; false when the statement is done.
  virtual bool Step() = 0;
  virtual bool IsNull(int column) const = 0;
  virtual int64_t Int(int column) const = 0;
  virtual std::string Text(int column) const = 0;
  // Makes the statement ready to run again, with its bindings cleared.
  virtual void Reset() = 0;
};

using StatementPtr = std::unique_ptr<Statement>;

class Connection {
 public:
  virtual ~Connection() = default;

  // A prepared statement for `sql`, reused from this connection's cache when one is free.
  // Give it back with Release() (the Query helper does) so the next caller reuses it.
  virtual StatementPtr Acquire(std::string_view sql) = 0;
  virtual void Release(StatementPtr statement) = 0;

  // Runs statements that return no rows (DDL, pragmas, savepoints). A single statement is
  // prepared once and reused.
  virtual void Execute(std::string_view sql) = 0;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  virtual int64_t ChangedRows() const = 0;
  // A count of every row this connection has changed since it opened: equal before and after
  // a piece of work means the work changed nothing. -1 when the driver cannot tell.
  virtual int64_t TotalChanges() const = 0;

  // Transactions. Begin() takes the write lock at once, so a transaction never fails later
  // for want of it. BeginRead() starts a read-only one: every read until Commit() or
  // Rollback() sees the one committed snapshot that its first read found.
  virtual void Begin() = 0;
  virtual void BeginRead() = 0;
  virtual void Commit() = 0;
  virtual void Rollback() = 0;
  virtual bool InTransaction() const = 0;
  // Whether this connection's transaction may hold writes not yet committed (a cache of what
  // it reads must not outlive them: they may be rolled back). By default any transaction.
  virtual bool InWriteTransaction() const { return InTransaction(); }

  virtual std::string_view Backend() const = 0;

  // A value a module keeps with this connection for the connection's life, by key: a cache of
  // reference data read through it (pricing's snapshot), gone with the connection, so never
  // shared with another database. A connection is used by one thread at a time, and so is this.
  std::shared_ptr<void>& Attached(const std::string& key) { return attached_[key]; }

 private:
  std::map<std::string, std::shared_ptr<void>> attached_;
};

using ConnectionPtr = std::unique_ptr<Connection>;

}  // namespace ordo::store
