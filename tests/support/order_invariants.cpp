// Orders: lines, subtotals and extensions, allocations within the open quantity and none on
// hold, the stored status, the awaiting-stock flag and each customer's open order value.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "store/query.h"
#include "support/checker_arithmetic.h"
#include "support/checker_status.h"
#include "support/invariant_checks.h"

namespace ordo::test_support {
void CheckOrders(store::Connection& conn, Violations& v) {
  struct OrderRow {
    std::string number;
    std::optional<int> digits;  // the currency's minor digits
    int64_t subtotal = 0;
    int64_t tax = 0;
  };
  std::map<int64_t, OrderRow> orders;
  {
    store::Query q(conn, "SELECT id, number, currency, subtotal, tax FROM orders ORDER BY id");
    while (q.Next()) {
      const std::string number = q.Text(1);
      orders[q.Int(0)] = {number, CurrencyDigits(q.Text(2), "order " + number, v), q.Int(3),
                          q.Int(4)};
    }
  }
  std::map<int64_t, int64_t> line_count;
  std::map<int64_t, int64_t> line_sum;
  std::map<int64_t, int64_t> line_tax_sum;
  {
    store::Query q(conn,
                   "SELECT order_id, id, unit_price, quantity, extended_amount, tax_rate_ppm, "
                   "tax_amount FROM order_lines");
    while (q.Next()) {
      const int64_t order = q.Int(0);
      const std::string line = "order line " + std::to_string(q.Int(1));
      line_count[order]++;
      line_sum[order] += q.Int(4);
      line_tax_sum[order] += q.Int(6);
      auto o = orders.find(order);
      if (o == orders.end()) {
        v.push_back(line + " belongs to no order");
        continue;
      }
      if (!o->second.digits) continue;
      const int64_t want = ExpectedExtension(q.Int(2), q.Int(3), *o->second.digits);
      if (q.Int(4) != want) {
        v.push_back(line + " extended_amount " + Units(q.Int(4)) + " != unit_price * quantity " +
                    Units(want));
      }
      // Tax at entry: one rounding of the extension at the line's rate, as an invoice of the
      // whole line bills it.
      const int64_t tax = ExpectedTax(q.Int(4), q.Int(5), *o->second.digits);
      if (q.Int(6) != tax) {
        v.push_back(line + " tax_amount " + Units(q.Int(6)) + " != extended_amount x rate " +
                    Units(tax));
      }
    }
  }
  std::set<int64_t> placed;
  {
    store::Query q(conn,
                   "SELECT DISTINCT entity_id FROM audit_log "
                   "WHERE entity = 'order' AND action = 'order.place'");
    while (q.Next()) placed.insert(q.Int(0));
  }
  for (const auto& [id, o] : orders) {
    if (line_count[id] == 0) v.push_back("order " + o.number + " has no lines");
    if (!placed.count(id)) v.push_back("order " + o.number + " has no 'order.place' audit row");
    if (line_sum[id] != o.subtotal) {
      v.push_back("order " + o.number + " subtotal " + Units(o.subtotal) +
                  " != SUM(extended_amount) " + Units(line_sum[id]));
    }
    if (line_tax_sum[id] != o.tax) {
      v.push_back("order " + o.number + " tax " + Units(o.tax) + " != SUM(tax_amount) " +
                  Units(line_tax_sum[id]));
    }
  }
  CheckNumbering(conn, "orders", "order", "SO", v);
  {
    store::Query q(conn,
                   "SELECT l.id, l.quantity - l.quantity_shipped - l.quantity_cancelled, "
                   "SUM(a.quantity) FROM order_lines l "
                   "JOIN order_allocations a ON a.order_line_id = l.id GROUP BY l.id "
                   "HAVING SUM(a.quantity) > l.quantity - l.quantity_shipped - "
                   "l.quantity_cancelled");
    while (q.Next()) {
      v.push_back("order line " + std::to_string(q.Int(0)) + " has " + std::to_string(q.Int(2)) +
                  " allocated but only " + std::to_string(q.Int(1)) + " open");
    }
  }
  store::Query q(conn,
                 "SELECT DISTINCT o.number FROM orders o "
                 "JOIN order_holds h ON h.order_id = o.id AND h.released_at IS NULL "
                 "JOIN order_lines l ON l.order_id = o.id "
                 "JOIN order_allocations a ON a.order_line_id = l.id");
  while (q.Next()) v.push_back("order " + q.Text(0) + " is on hold but has allocations");
}

// customer_balances.open_order_value == SUM over the customer's lines of the extension of
// what is neither cancelled nor invoiced yet, each line rounded on its own, plus its tax at
// the line's rate at entry (flows/open_order_value.h).
void CheckOpenOrderValue(store::Connection& conn, Violations& v) {
  std::map<int64_t, int64_t> expected;
  {
    store::Query q(conn,
                   "SELECT o.customer_id, o.currency, l.unit_price, l.quantity, "
                   "l.quantity_cancelled, l.quantity_invoiced, o.number, l.tax_rate_ppm "
                   "FROM order_lines l JOIN orders o ON o.id = l.order_id");
    while (q.Next()) {
      // An unknown currency is reported by CheckOrders.
      std::optional<int> digits = MinorDigitsOf(q.Text(1));
      if (!digits) continue;
      const int64_t open = ExpectedExtension(q.Int(2), q.Int(3) - q.Int(4) - q.Int(5), *digits);
      expected[q.Int(0)] += open + ExpectedTax(open, q.Int(7), *digits);
    }
  }
  store::Query q(conn, "SELECT customer_id, open_order_value FROM customer_balances");
  std::set<int64_t> seen;
  while (q.Next()) {
    seen.insert(q.Int(0));
    const int64_t want = expected.count(q.Int(0)) ? expected[q.Int(0)] : 0;
    if (q.Int(1) != want) {
      v.push_back("customer " + std::to_string(q.Int(0)) + " open_order_value " + Units(q.Int(1)) +
                  " != recomputed " + Units(want));
    }
  }
  for (const auto& [customer, value] : expected) {
    if (!seen.count(customer)) {
      v.push_back("customer " + std::to_string(customer) + " has orders (open value " +
                  Units(value) + ") but no customer_balances row");
    }
  }
}

// orders.status is what the checker's own reading (checker_status.h) makes of the stored
// lines, allocations and holds.
void CheckStoredStatus(store::Connection& conn, Violations& v) {
  const std::map<int64_t, OrderFacts> facts = ReadOrderFacts(conn);
  store::Query q(conn, "SELECT id, number, status FROM orders ORDER BY id");
  while (q.Next()) {
    auto f = facts.find(q.Int(0));
    if (f == facts.end()) continue;
    const std::string want = ExpectedStatus(f->second);
    if (q.Text(2) != want) {
      v.push_back("order " + q.Text(1) + " has stored status '" + q.Text(2) +
                  "' but its lines and holds make it '" + want + "'");
    }
  }
}

// order_lines.awaiting_stock is set exactly for the lines whose open quantity is more than is
// allocated to them: backorder release finds the lines to serve through it.
void CheckAwaitingStock(store::Connection& conn, Violations& v) {
  store::Query q(conn,
                 "SELECT o.number, l.line_no, l.awaiting_stock FROM order_lines l "
                 "JOIN orders o ON o.id = l.order_id "
                 "WHERE l.awaiting_stock != (l.quantity - l.quantity_shipped - "
                 "l.quantity_cancelled > COALESCE((SELECT SUM(a.quantity) FROM order_allocations "
                 "a WHERE a.order_line_id = l.id), 0))");
  while (q.Next()) {
    v.push_back("order " + q.Text(0) + " line " + std::to_string(q.Int(1)) +
                " has awaiting_stock " + std::to_string(q.Int(2)) +
                " but its quantities and allocations say otherwise");
  }
}

}  // namespace ordo::test_support
