#include "flows/reference_version.h"

#include <stdexcept>

#include "store/query.h"

namespace ordo::flows {

int64_t ReadReferenceVersion(store::Connection& conn) {
  store::Query q(conn, "SELECT version FROM reference_version WHERE id = 1");
  if (!q.Next()) throw std::logic_error("reference_version has no row: migration 0011 missing");
  return q.Int(0);
}

}  // namespace ordo::flows
