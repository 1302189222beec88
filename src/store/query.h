// Query: one run of a prepared statement, with typed bindings and typed column access.
//
//   store::Query q(conn, "SELECT id, name FROM items WHERE sku = ?", sku);
//   while (q.Next()) use(q.Int(0), q.Text(1));
//
// The statement comes from the connection's cache and goes back when the Query ends, so
// queries may nest. Binding accepts integers, bool, strings, std::optional (NULL when empty),
// Money (its units), Date (ISO text), Timestamp (micros) and typed ids.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "store/database.h"

namespace ordo::store {

class Query {
 public:
  template <typename... Args>
  Query(Connection& conn, std::string_view sql, const Args&... args)
      : conn_(conn), stmt_(conn.Acquire(sql)) {
    (Bind(next_index_++, args), ...);
  }
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  // Binds more parameters after those already bound (for multi-row statements).
  template <typename... Values>
  Query& BindMore(const Values&... values) {
    (Bind(next_index_++, values), ...);
    return *this;
  }

  // Steps to the next row; false when there are no more.
  bool Next() { return stmt_->Step(); }
  // Runs a statement that returns no rows (or ignores them) to the end.
  void Run() {
    while (stmt_->Step()) {
    }
  }

  bool IsNull(int c) const { return stmt_->IsNull(c); }
  int64_t Int(int c) const { return stmt_->Int(c); }
  bool Bool(int c) const { return stmt_->Int(c) != 0; }
  std::string Text(int c) const { return stmt_->Text(c); }
  std::optional<std::string> OptText(int c) const {
    return IsNull(c) ? std::nullopt : std::optional(Text(c));
  }
  std::optional<int64_t> OptInt(int c) const {
    return IsNull(c) ? std::nullopt : std::optional(Int(c));
  }
  Money Amount(int c) const { return Money::FromUnits(Int(c)); }
  Timestamp Time(int c) const { return Timestamp{Int(c)}; }
  std::optional<Date> OptDate(int c) const;
  template <typename IdT>
  IdT IdOf(int c) const {
    return IdT(Int(c));
  }

 private:
  void Bind(int i, std::nullopt_t) { stmt_->BindNull(i); }
  void Bind(int i, bool v) { stmt_->BindInt(i, v ? 1 : 0); }
  template <typename T>
    requires std::is_integral_v<T>
  void Bind(int i, T v) {
    stmt_->BindInt(i, static_cast<int64_t>(v));
  }
  void Bind(int i, std::string_view v) { stmt_->BindText(i, v); }
  void Bind(int i, const std::string& v) { stmt_->BindText(i, v); }
  void Bind(int i, const char* v) { stmt_->BindText(i, v); }
  void Bind(int i, Money v) { stmt_->BindInt(i, v.units()); }
  void Bind(int i, Timestamp v) { stmt_->BindInt(i, v.micros); }
  void Bind(int i, Date v) { stmt_->BindText(i, FormatDate(v)); }
  template <typename Tag>
  void Bind(int i, Id<Tag> v) {
    stmt_->BindInt(i, v.value());
  }
  template <typename T>
  void Bind(int i, const std::optional<T>& v) {
    if (v) {
      Bind(i, *v);
    } else {
      stmt_->BindNull(i);
    }
  }

  Connection& conn_;
  StatementPtr stmt_;
  int next_index_ = 1;
};

// The text of a multi-row statement, "<head> (?, ?), (?, ?) <tail>", for any row count; each
// text is built once and kept, so its prepared statement is reused. Thread-safe.
class MultiRowSql {
 public:
  MultiRowSql(std::string head, std::string row, std::string tail = "")
      : head_(std::move(head)), row_(std::move(row)), tail_(std::move(tail)) {}
  // REQUIRES: rows >= 1.
  const std::string& ForRows(size_t rows);

 private:
  std::string head_, row_, tail_;
  std::mutex mu_;
  std::map<size_t, std::string> texts_;
};

// Runs a write statement and returns the number of rows it changed.
template <typename... Args>
int64_t Exec(Connection& conn, std::string_view sql, const Args&... args) {
  Query q(conn, sql, args...);
  q.Run();
  return conn.ChangedRows();
}

}  // namespace ordo::store
