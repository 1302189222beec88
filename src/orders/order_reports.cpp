#include "orders/order_reports.h"

#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::orders {
namespace {

constexpr int64_t kMicrosPerDay = 86'400'000'000;

// The first instant of `day` and of the day after `to`: created_at's half-open range, which
// the orders_created index serves.
Timestamp StartOf(Date day) {
  return Timestamp{int64_t{day.days} * kMicrosPerDay};
}
Timestamp EndOf(Date to) {
  return StartOf(Date{to.days + 1});
}

std::vector<OrderCount> ReadCounts(store::Query& q) {
  std::vector<OrderCount> out;
  while (q.Next()) {
    store::RowReader r(q);
    OrderCount c;
    c.key = r.Text();
    c.orders = r.Int();
    c.value = r.Amount();
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::vector<DayOrders> OrdersByDay(store::Connection& conn, Date from, Date to) {
  store::Query q(conn,
                 "SELECT created_at / 86400000000 AS day, COUNT(*), SUM(subtotal) FROM orders "
                 "WHERE created_at >= ? AND created_at < ? AND status <> 'cancelled' "
                 "GROUP BY day ORDER BY day",
                 StartOf(from), EndOf(to));
  std::vector<DayOrders> out;
  while (q.Next()) {
    store::RowReader r(q);
    DayOrders d;
    d.day = Date{static_cast<int32_t>(r.Int())};
    d.orders = r.Int();
    d.value = r.Amount();
    out.push_back(d);
  }
  return out;
}

std::vector<CustomerOrders> TopCustomersByValue(store::Connection& conn, Date from, Date to,
                                                int limit) {
  store::Query q(conn,
                 "SELECT customer_id, COUNT(*), SUM(subtotal) AS value FROM orders "
                 "WHERE created_at >= ? AND created_at < ? AND status <> 'cancelled' "
                 "GROUP BY customer_id ORDER BY value DESC, customer_id LIMIT ?",
                 StartOf(from), EndOf(to), limit);
  std::vector<CustomerOrders> out;
  while (q.Next()) {
    store::RowReader r(q);
    CustomerOrders c;
    c.customer = r.Id<CustomerId>();
    c.orders = r.Int();
    c.value = r.Amount();
    out.push_back(c);
  }
  return out;
}

std::vector<ItemOrders> TopItemsByValue(store::Connection& conn, Date from, Date to, int limit) {
  store::Query q(conn,
                 "SELECT l.item_id, COUNT(DISTINCT l.order_id), SUM(l.quantity), "
                 "SUM(l.extended_amount) AS value FROM orders o "
                 "JOIN order_lines l ON l.order_id = o.id "
                 "WHERE o.created_at >= ? AND o.created_at < ? AND o.status <> 'cancelled' "
                 "GROUP BY l.item_id ORDER BY value DESC, l.item_id LIMIT ?",
                 StartOf(from), EndOf(to), limit);
  std::vector<ItemOrders> out;
  while (q.Next()) {
    store::RowReader r(q);
    ItemOrders i;
    i.item = r.Id<ItemId>();
    i.orders = r.Int();
    i.quantity = r.Int();
    i.value = r.Amount();
    out.push_back(i);
  }
  return out;
}

std::vector<OrderCount> OpenOrdersByStatus(store::Connection& conn) {
  // One range of the orders_status index per status; the CASE keeps the statuses in the
  // order an order passes through them.
  store::Query q(conn,
                 "SELECT status, COUNT(*), SUM(subtotal) FROM orders "
                 "WHERE status IN ('on_hold', 'open', 'backordered', 'partially_shipped', "
                 "'shipped') GROUP BY status ORDER BY CASE status WHEN 'on_hold' THEN 0 "
                 "WHEN 'open' THEN 1 WHEN 'backordered' THEN 2 WHEN 'partially_shipped' THEN 3 "
                 "ELSE 4 END");
  return ReadCounts(q);
}

std::vector<OrderCount> WaitingHoldsByKind(store::Connection& conn) {
  store::Query q(conn,
                 "SELECT h.kind, COUNT(DISTINCT o.id), SUM(o.subtotal) FROM ("
                 "SELECT DISTINCT order_id, kind FROM order_holds WHERE released_at IS NULL) h "
                 "JOIN orders o ON o.id = h.order_id WHERE o.status <> 'cancelled' "
                 "GROUP BY h.kind ORDER BY h.kind");
  return ReadCounts(q);
}

}  // namespace ordo::orders
