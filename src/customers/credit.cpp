#include "customers/credit.h"

#include <stdexcept>

#include "store/query.h"

namespace ordo::customers {

CreditPosition LoadCreditPosition(store::Connection& conn, CustomerId id) {
  store::Query q(conn,
                 "SELECT c.credit_limit, b.open_order_value, b.open_receivables "
                 "FROM customers c JOIN customer_balances b ON b.customer_id = c.id "
                 "WHERE c.id = ?",
                 id);
  if (!q.Next()) return CreditPosition{};
  return CreditPosition{q.Amount(0), q.Amount(1), q.Amount(2)};
}

void AddOpenOrderValue(store::Connection& conn, CustomerId id, Money delta) {
  store::Exec(conn,
              "UPDATE customer_balances SET open_order_value = open_order_value + ? "
              "WHERE customer_id = ?",
              delta, id);
}

void AddOpenReceivables(store::Connection& conn, CustomerId id, Money delta) {
  store::Exec(conn,
              "UPDATE customer_balances SET open_receivables = open_receivables + ? "
              "WHERE customer_id = ?",
              delta, id);
}

CreditPosition AddOpenOrderValueReturning(store::Connection& conn, CustomerId id, Money delta,
                                          Money credit_limit) {
  store::Query q(conn,
                 "UPDATE customer_balances SET open_order_value = open_order_value + ? "
                 "WHERE customer_id = ? RETURNING open_order_value, open_receivables",
                 delta, id);
  if (!q.Next()) throw std::logic_error("customer has no balance row");
  return CreditPosition{credit_limit, q.Amount(0), q.Amount(1)};
}

}  // namespace ordo::customers
