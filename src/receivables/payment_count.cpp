#include "receivables/payment_count.h"

#include "store/query.h"

namespace ordo::receivables {

int64_t CountPayments(store::Connection& conn) {
  store::Query q(conn, "SELECT COUNT(*) FROM payments");
  return q.Next() ? q.Int(0) : 0;
}

}  // namespace ordo::receivables
