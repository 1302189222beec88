#include "support/checker_status.h"

#include "store/query.h"

namespace ordo::test_support {

std::string ExpectedStatus(const OrderFacts& f) {
  const int64_t left = f.ordered - f.cancelled;  // what the customer still wants
  if (left == 0) return "cancelled";
  if (f.active_hold && f.shipped < left) return "on_hold";
  if (f.invoiced == left) return f.settled ? "closed" : "invoiced";
  if (f.shipped == left) return "shipped";
  if (f.shipped > 0) return "partially_shipped";
  if (f.unallocated > 0) return "backordered";
  return "open";
}

std::map<int64_t, OrderFacts> ReadOrderFacts(store::Connection& conn) {
  std::map<int64_t, OrderFacts> facts;
  {
    store::Query q(conn,
                   "SELECT o.id, o.settled, EXISTS (SELECT 1 FROM order_holds h "
                   "WHERE h.order_id = o.id AND h.released_at IS NULL) FROM orders o");
    while (q.Next()) {
      OrderFacts& f = facts[q.Int(0)];
      f.settled = q.Int(1) != 0;
      f.active_hold = q.Int(2) != 0;
    }
  }
  store::Query q(conn,
                 "SELECT l.order_id, l.quantity, l.quantity_cancelled, l.quantity_shipped, "
                 "l.quantity_invoiced, COALESCE((SELECT SUM(a.quantity) FROM order_allocations a "
                 "WHERE a.order_line_id = l.id), 0) FROM order_lines l");
  while (q.Next()) {
    OrderFacts& f = facts[q.Int(0)];
    f.ordered += q.Int(1);
    f.cancelled += q.Int(2);
    f.shipped += q.Int(3);
    f.invoiced += q.Int(4);
    const int64_t open = q.Int(1) - q.Int(3) - q.Int(2);
    if (open > q.Int(5)) f.unallocated += open - q.Int(5);
  }
  return facts;
}

}  // namespace ordo::test_support
