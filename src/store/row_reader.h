// RowReader: reads the current row of a Query column after column, in the order of the
// SELECT, so that a repository's reader lists its fields in the same order as its columns and
// never counts positions:
//
//   store::RowReader r(q);
//   m.id = r.Id<InvoiceId>();
//   m.number = r.Text();
//   m.discount_date = r.OptDate();
//
// FindOne runs a one-row lookup (by id, number, code...) through such a reader, then lets the
// caller load the document's details (lines, holds) once the header's statement is closed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/query.h"

namespace ordo::store {

class RowReader {
 public:
  explicit RowReader(const Query& q, int first_column = 0) : q_(q), c_(first_column) {}

  int64_t Int() { return q_.Int(c_++); }
  bool Bool() { return q_.Bool(c_++); }
  std::string Text() { return q_.Text(c_++); }
  std::optional<std::string> OptText() { return q_.OptText(c_++); }
  std::optional<int64_t> OptInt() { return q_.OptInt(c_++); }
  Money Amount() { return q_.Amount(c_++); }
  Timestamp Time() { return q_.Time(c_++); }
  std::optional<Timestamp> OptTime() {
    auto v = q_.OptInt(c_++);
    return v ? std::optional(Timestamp{*v}) : std::nullopt;
  }
  std::optional<Date> OptDate() { return q_.OptDate(c_++); }
  template <typename IdT>
  IdT Id() {
    return IdT(q_.Int(c_++));
  }
  template <typename IdT>
  std::optional<IdT> OptId() {
    auto v = q_.OptInt(c_++);
    return v ? std::optional(IdT(*v)) : std::nullopt;
  }
  // Skips a column the caller does not need.
  void Skip() { ++c_; }
  // The index of the next column to read.
  int column() const { return c_; }

 private:
  const Query& q_;
  int c_;
};

// The first row of `sql` run with `key`, read by `read(RowReader&)`; then `details(row)`
// (lines, allocations...) runs after the statement is closed, so it may reuse the same SQL.
// Empty when there is no such row.
template <typename Read, typename Key>
auto FindOne(Connection& conn, std::string_view sql, const Key& key, Read read)
    -> std::optional<decltype(read(std::declval<RowReader&>()))> {
  Query q(conn, sql, key);
  if (!q.Next()) return std::nullopt;
  RowReader r(q);
  return read(r);
}

template <typename Read, typename Key, typename Details>
auto FindOne(Connection& conn, std::string_view sql, const Key& key, Read read, Details details)
    -> std::optional<decltype(read(std::declval<RowReader&>()))> {
  auto found = FindOne(conn, sql, key, read);
  if (found) details(*found);
  return found;
}

}  // namespace ordo::store
