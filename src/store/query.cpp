#include "store/query.h"

namespace ordo::store {

Query::~Query() {
  stmt_->Reset();
  conn_.Release(sql_, std::move(stmt_));
}

std::optional<Date> Query::OptDate(int c) const {
  if (IsNull(c)) return std::nullopt;
  return ParseDate(Text(c));
}

}  // namespace ordo::store
