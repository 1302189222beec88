// Shipments: shipped quantities are the confirmed shipment lines', never past what was
// ordered less cancelled; shipment lines match their order's lines, and the customer and
// items a shipment copies from its order (migration 0014) are the order's.
#include <string>

#include "store/query.h"
#include "support/invariant_checks.h"

namespace ordo::test_support {
void CheckShipments(store::Connection& conn, Violations& v) {
  {
    store::Query q(conn,
                   "SELECT l.id, l.quantity, l.quantity_shipped, l.quantity_cancelled, "
                   "COALESCE((SELECT SUM(sl.quantity_shipped) FROM shipment_lines sl "
                   "JOIN shipments s ON s.id = sl.shipment_id "
                   "WHERE sl.order_line_id = l.id AND s.status = 'shipped'), 0) "
                   "FROM order_lines l");
    while (q.Next()) {
      std::string line = "order line " + std::to_string(q.Int(0));
      if (q.Int(2) != q.Int(4)) {
        v.push_back(line + " quantity_shipped " + std::to_string(q.Int(2)) +
                    " != SUM(confirmed shipment lines) " + std::to_string(q.Int(4)));
      }
      if (q.Int(2) + q.Int(3) > q.Int(1)) {
        v.push_back(line + " shipped " + std::to_string(q.Int(2)) + " + cancelled " +
                    std::to_string(q.Int(3)) + " > quantity " + std::to_string(q.Int(1)));
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT s.number, l.line_no FROM shipment_lines sl "
                   "JOIN shipments s ON s.id = sl.shipment_id "
                   "JOIN order_lines l ON l.id = sl.order_line_id "
                   "JOIN orders o ON o.id = s.order_id "
                   "WHERE l.order_id <> s.order_id OR l.line_no <> sl.line_no "
                   "OR sl.item_id IS NOT l.item_id OR s.customer_id IS NOT o.customer_id "
                   "OR (s.status = 'picking' AND sl.quantity_shipped <> 0)");
    while (q.Next()) {
      v.push_back(
          "shipment " + q.Text(0) + " line " + std::to_string(q.Int(1)) +
          " does not match its order line (order, line, item, customer; migration 0014 copies "
          "the last two) or is shipped while picking");
    }
  }
  CheckNumbering(conn, "shipments", "shipment", "SH", v);
}

}  // namespace ordo::test_support
