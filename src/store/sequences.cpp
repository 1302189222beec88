#include "store/sequences.h"

#include <stdexcept>

#include "core/ids.h"
#include "store/query.h"

namespace ordo::store {

std::string NextDocumentNumber(Connection& conn, std::string_view prefix) {
  Query q(conn,
          "UPDATE sequences SET next_value = next_value + 1 WHERE name = ? "
          "RETURNING next_value - 1",
          prefix);
  if (!q.Next()) throw std::logic_error("sequence " + std::string(prefix) + " is missing");
  return FormatDocumentNumber(prefix, q.Int(0));
}

}  // namespace ordo::store
