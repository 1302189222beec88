#include "store/query.h"

namespace ordo::store {

Query::~Query() {
  stmt_->Reset();
  conn_.Release(std::move(stmt_));
}

std::optional<Date> Query::OptDate(int c) const {
  if (IsNull(c)) return std::nullopt;
  return ParseDate(Text(c));
}

const std::string& MultiRowSql::ForRows(size_t rows) {
  std::lock_guard lock(mu_);
  auto it = texts_.find(rows);
  if (it != texts_.end()) return it->second;
  std::string text = head_;
  for (size_t i = 0; i < rows; ++i) {
    text += i == 0 ? " " : ", ";
    text += row_;
  }
  text += " ";
  text += tail_;
  return texts_.emplace(rows, std::move(text)).first->second;
}

}  // namespace ordo::store
