#include "store/sqlite/sqlite_connection.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace ordo::store {
namespace {

StoreErrorKind KindOf(int rc) {
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      return (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
                 ? StoreErrorKind::kUnique
                 : StoreErrorKind::kConstraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return StoreErrorKind::kBusy;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
      return StoreErrorKind::kIo;
    default:
      return StoreErrorKind::kOther;
  }
}

[[noreturn]] void Throw(sqlite3* db, int rc, std::string_view context) {
  std::string msg(context);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw StoreError(KindOf(rc), msg);
}

struct CacheEntry;

class SqliteStatement final : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt, CacheEntry* entry)
      : db_(db), stmt_(stmt), entry_(entry) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void BindNull(int index) override { Check(sqlite3_bind_null(stmt_, index)); }
  void BindInt(int index, int64_t value) override {
    Check(sqlite3_bind_int64(stmt_, index, value));
  }
  void BindText(int index, std::string_view value) override {
    // A default string_view has no data pointer, which SQLite would bind as NULL.
    const char* data = value.data() == nullptr ? "" : value.data();
    Check(sqlite3_bind_text(stmt_, index, data, static_cast<int>(value.size()), SQLITE_TRANSIENT));
  }
  bool Step() override {
    if (stmt_ == nullptr) return false;  // a text of only comments or whitespace
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    int extended = sqlite3_extended_errcode(db_);
    Throw(db_, extended, sqlite3_sql(stmt_));
  }
  bool IsNull(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  int64_t Int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  std::string Text(int column) const override {
    const auto* p = sqlite3_column_text(stmt_, column);
    if (p == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, column));
  }
  void Reset() override {
    if (stmt_ == nullptr) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  CacheEntry* entry() const { return entry_; }

 private:
  void Check(int rc) {
    if (rc != SQLITE_OK) Throw(db_, rc, "bind");
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  CacheEntry* entry_;
};

// The free statements of one SQL text.
struct CacheEntry {
  std::string sql;
  std::vector<StatementPtr> free;
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override {
    by_text_.clear();
    by_pointer_.clear();
    sqlite3_close_v2(db_);
  }

  StatementPtr Acquire(std::string_view sql) override {
    CacheEntry* entry = Lookup(sql);
    if (!entry->free.empty()) {
      StatementPtr s = std::move(entry->free.back());
      entry->free.pop_back();
      return s;
    }
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) Throw(db_, rc, std::string("prepare ") + std::string(sql));
    // SQLite prepares a text of only comments or whitespace as no statement (stmt is null):
    // such a statement runs as nothing (a placeholder migration is one).
    return std::make_unique<SqliteStatement>(db_, stmt, entry);
  }

  void Release(StatementPtr statement) override {
    auto* s = static_cast<SqliteStatement*>(statement.get());
    if (s->entry()->free.size() < 4) s->entry()->free.push_back(std::move(statement));
  }

  void Execute(std::string_view sql) override {
    if (sql.find(';') == std::string_view::npos) {
      StatementPtr s = Acquire(sql);
      try {
        while (s->Step()) {
        }
      } catch (...) {
        s->Reset();
        Release(std::move(s));
        throw;
      }
      s->Reset();
      Release(std::move(s));
      return;
    }
    std::string text(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errstr(rc);
      sqlite3_free(err);
      throw StoreError(KindOf(sqlite3_extended_errcode(db_)), msg);
    }
  }

  int64_t ChangedRows() const override { return sqlite3_changes64(db_); }
  int64_t TotalChanges() const override { return sqlite3_total_changes64(db_); }

  void Begin() override { Execute("BEGIN IMMEDIATE"); }
  // Deferred: SQLite takes the WAL snapshot at the first read and keeps it to the end.
  void BeginRead() override { Execute("BEGIN DEFERRED"); }
  void Commit() override { Execute("COMMIT"); }
  void Rollback() override {
    if (InTransaction()) Execute("ROLLBACK");
  }
  bool InTransaction() const override { return sqlite3_get_autocommit(db_) == 0; }
  bool InWriteTransaction() const override {
    return sqlite3_txn_state(db_, "main") == SQLITE_TXN_WRITE;
  }
  std::string_view Backend() const override { return "sqlite"; }

 private:
  // Most SQL is a string literal or a static string, so the text's address finds its entry
  // without hashing the text; the text is compared to rule out a reused address.
  CacheEntry* Lookup(std::string_view sql) {
    auto p = by_pointer_.find(sql.data());
    if (p != by_pointer_.end() && p->second->sql == sql) return p->second;
    auto& slot = by_text_[std::string(sql)];
    if (!slot) slot = std::make_unique<CacheEntry>(CacheEntry{std::string(sql), {}});
    if (by_pointer_.size() < 4096) by_pointer_[sql.data()] = slot.get();
    return slot.get();
  }

  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<CacheEntry>> by_text_;
  std::unordered_map<const char*, CacheEntry*> by_pointer_;
};

// Creates the database file readable and writable by its owner only (0600) when it does not
// exist yet, before SQLite opens it: the file holds password hashes and customers' figures.
// SQLite creates the -wal and -shm files with the database file's permissions, so they are
// 0600 too. An existing file keeps the mode it has. Special names (":memory:", "" for a temp
// database, "file:" URIs) are left to SQLite.
void CreatePrivateFile(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.starts_with("file:")) return;
  int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
  // EEXIST: the file is there already; anything else (a missing directory) is reported by
  // sqlite3_open_v2 below.
}

}  // namespace

ConnectionPtr OpenSqlite(const std::string& path, const SqliteOptions& options) {
  // Each connection is used by one thread at a time, so SQLite's own mutexes only cost time;
  // memory statistics are not read. Both must be set before SQLite initializes.
  static std::once_flag configured;
  std::call_once(configured, [] {
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
  if (!options.read_only) CreatePrivateFile(path);
  sqlite3* db = nullptr;
  int flags =
      SQLITE_OPEN_NOMUTEX |
      (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = "cannot open database " + path + ": " + sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    throw StoreError(StoreErrorKind::kIo, msg);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  auto conn = std::make_unique<SqliteConnection>(db);
  if (!options.read_only) conn->Execute("PRAGMA journal_mode=WAL");
  conn->Execute("PRAGMA synchronous=" + options.synchronous);
  conn->Execute("PRAGMA foreign_keys=ON");
  conn->Execute("PRAGMA temp_store=MEMORY");
  conn->Execute("PRAGMA cache_size=-65536");
  if (options.query_only) conn->Execute("PRAGMA query_only=1");
  return conn;
}

}  // namespace ordo::store
