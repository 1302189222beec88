#include "orders/order_repository.h"

#include "core/ids.h"
#include "store/query.h"
#include "store/sequences.h"

namespace ordo::orders {
namespace {

constexpr std::string_view kHeaderSelect =
    "SELECT o.id, o.number, o.customer_id, c.code, o.ship_to_id, s.code, o.po_number, "
    "o.channel, o.requested_date, o.allow_partial_shipment, o.currency, o.subtotal, o.tax, "
    "o.freight, o.cancel_reason, o.created_by, o.version, o.created_at, o.updated_at, "
    "o.settled "
    "FROM orders o JOIN customers c ON c.id = o.customer_id "
    "JOIN ship_tos s ON s.id = o.ship_to_id ";

Order ReadHeader(const store::Query& q) {
  Order o;
  o.id = OrderId(q.Int(0));
  o.number = q.Text(1);
  o.customer = CustomerId(q.Int(2));
  o.customer_code = q.Text(3);
  o.ship_to = ShipToId(q.Int(4));
  o.ship_to_code = q.Text(5);
  o.po_number = q.Text(6);
  o.channel = q.Text(7);
  o.requested_date = q.OptDate(8);
  o.allow_partial_shipment = q.Bool(9);
  o.currency = q.Text(10);
  o.subtotal = q.Amount(11);
  o.tax = q.Amount(12);
  o.freight = q.Amount(13);
  o.cancel_reason = q.OptText(14);
  o.created_by = q.Text(15);
  o.version = q.Int(16);
  o.created_at = q.Time(17);
  o.updated_at = q.Time(18);
  o.settled = q.Bool(19);
  return o;
}

void LoadDetails(store::Connection& conn, Order& o) {
  {
    store::Query q(conn,
                   "SELECT l.id, l.line_no, l.item_id, i.sku, l.entered_quantity, l.entered_uom, "
                   "l.quantity, l.quantity_shipped, l.quantity_invoiced, l.quantity_cancelled, "
                   "l.unit_price, l.price_source, l.override_reason, l.extended_amount, "
                   "l.quantity_returned "
                   "FROM order_lines l JOIN items i ON i.id = l.item_id "
                   "WHERE l.order_id = ? ORDER BY l.line_no",
                   o.id);
    while (q.Next()) {
      OrderLine l;
      l.id = OrderLineId(q.Int(0));
      l.line_no = static_cast<int>(q.Int(1));
      l.item = ItemId(q.Int(2));
      l.sku = q.Text(3);
      l.entered_quantity = q.Int(4);
      l.entered_uom = q.Text(5);
      l.quantity = q.Int(6);
      l.quantity_shipped = q.Int(7);
      l.quantity_invoiced = q.Int(8);
      l.quantity_cancelled = q.Int(9);
      l.unit_price = q.Amount(10);
      l.price_source = q.Text(11);
      l.override_reason = q.OptText(12);
      l.extended_amount = q.Amount(13);
      l.quantity_returned = q.Int(14);
      o.lines.push_back(std::move(l));
    }
  }
  {
    store::Query q(conn,
                   "SELECT l.line_no, a.warehouse_id, w.code, a.quantity "
                   "FROM order_allocations a JOIN order_lines l ON l.id = a.order_line_id "
                   "JOIN warehouses w ON w.id = a.warehouse_id "
                   "WHERE l.order_id = ? ORDER BY l.line_no, w.allocation_rank, w.id",
                   o.id);
    while (q.Next()) {
      auto line_no = static_cast<size_t>(q.Int(0));
      if (line_no == 0 || line_no > o.lines.size()) continue;
      o.lines[line_no - 1].allocations.push_back(
          LineAllocation{WarehouseId(q.Int(1)), q.Text(2), q.Int(3)});
    }
  }
  store::Query q(conn,
                 "SELECT id, kind, reason, created_at, released_at, released_by, release_note "
                 "FROM order_holds WHERE order_id = ? ORDER BY id",
                 o.id);
  while (q.Next()) {
    Hold h{q.Int(0), q.Text(1), q.Text(2), q.Time(3), std::nullopt, q.OptText(5), q.OptText(6)};
    if (auto at = q.OptInt(4)) h.released_at = Timestamp{*at};
    o.holds.push_back(std::move(h));
  }
}

}  // namespace

std::string NextOrderNumber(store::Connection& conn) {
  return store::NextDocumentNumber(conn, "SO");
}

void InsertOrder(store::Connection& conn, Order& o) {
  {
    store::Query q(conn,
                   "INSERT INTO orders (number, customer_id, ship_to_id, po_number, channel, "
                   "requested_date, allow_partial_shipment, currency, subtotal, tax, freight, "
                   "created_by, version, created_at, updated_at, status) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   o.number, o.customer, o.ship_to, o.po_number, o.channel, o.requested_date,
                   o.allow_partial_shipment, o.currency, o.subtotal, o.tax, o.freight, o.created_by,
                   o.version, o.created_at, o.updated_at, StatusName(DeriveStatus(o)));
    q.Next();
    o.id = OrderId(q.Int(0));
  }
  if (o.lines.empty()) return;
  static store::MultiRowSql insert_lines(
      "INSERT INTO order_lines (order_id, line_no, item_id, entered_quantity, entered_uom, "
      "quantity, unit_price, price_source, override_reason, extended_amount, awaiting_stock) "
      "VALUES",
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "RETURNING line_no, id");
  store::Query q(conn, insert_lines.ForRows(o.lines.size()));
  for (const auto& l : o.lines) {
    q.BindMore(o.id, l.line_no, l.item, l.entered_quantity, l.entered_uom, l.quantity, l.unit_price,
               l.price_source, l.override_reason, l.extended_amount, l.quantity_unallocated() > 0);
  }
  while (q.Next()) {
    auto line_no = static_cast<size_t>(q.Int(0));
    if (line_no >= 1 && line_no <= o.lines.size()) o.lines[line_no - 1].id = OrderLineId(q.Int(1));
  }
}

void AddLineAllocations(store::Connection& conn, const std::vector<NewAllocation>& adds) {
  if (adds.empty()) return;
  static store::MultiRowSql upsert(
      "INSERT INTO order_allocations (order_line_id, warehouse_id, quantity) VALUES", "(?, ?, ?)",
      "ON CONFLICT (order_line_id, warehouse_id) "
      "DO UPDATE SET quantity = order_allocations.quantity + excluded.quantity");
  store::Query q(conn, upsert.ForRows(adds.size()));
  for (const auto& a : adds) q.BindMore(a.line, a.warehouse, a.quantity);
  q.Run();
}

void ClearLineAllocations(store::Connection& conn, OrderLineId line) {
  store::Exec(conn, "DELETE FROM order_allocations WHERE order_line_id = ?", line);
}

int64_t InsertHold(store::Connection& conn, OrderId order, const Hold& h) {
  int64_t id = 0;
  {
    store::Query q(conn,
                   "INSERT INTO order_holds (order_id, kind, reason, created_at) "
                   "VALUES (?, ?, ?, ?) RETURNING id",
                   order, h.kind, h.reason, h.created_at);
    q.Next();
    id = q.Int(0);
  }
  // DeriveStatus: an active hold makes any order with something left to ship on_hold; the
  // stored status of one with nothing left (cancelled, shipped, invoiced, closed) stays.
  store::Exec(conn,
              "UPDATE orders SET status = 'on_hold' "
              "WHERE id = ? AND status IN ('open', 'backordered', 'partially_shipped')",
              order);
  return id;
}

void ReleaseHold(store::Connection& conn, int64_t hold_id, Timestamp at, std::string_view by,
                 std::string_view note) {
  store::Exec(conn,
              "UPDATE order_holds SET released_at = ?, released_by = ?, release_note = ? "
              "WHERE id = ?",
              at, by, note, hold_id);
}

void SetLineShipped(store::Connection& conn, OrderLineId line, int64_t quantity_shipped) {
  store::Exec(conn, "UPDATE order_lines SET quantity_shipped = ? WHERE id = ?", quantity_shipped,
              line);
}

void SetLineInvoiced(store::Connection& conn, OrderLineId line, int64_t quantity_invoiced) {
  store::Exec(conn, "UPDATE order_lines SET quantity_invoiced = ? WHERE id = ?", quantity_invoiced,
              line);
}

void StoreSettled(store::Connection& conn, const Order& order) {
  store::Exec(conn, "UPDATE orders SET settled = ?, status = ? WHERE id = ?", order.settled,
              StatusName(DeriveStatus(order)), order.id);
}

void SetLineReturned(store::Connection& conn, OrderLineId line, int64_t quantity_returned) {
  store::Exec(conn, "UPDATE order_lines SET quantity_returned = ? WHERE id = ?", quantity_returned,
              line);
}

void ReduceLineAllocation(store::Connection& conn, OrderLineId line, WarehouseId warehouse,
                          int64_t quantity) {
  int64_t reduced = store::Exec(conn,
                                "UPDATE order_allocations SET quantity = quantity - ? "
                                "WHERE order_line_id = ? AND warehouse_id = ? AND quantity > ?",
                                quantity, line, warehouse, quantity);
  if (reduced == 1) return;
  // The allocation was exactly `quantity`, and the table's CHECK forbids a row of 0.
  store::Exec(conn, "DELETE FROM order_allocations WHERE order_line_id = ? AND warehouse_id = ?",
              line, warehouse);
}

void SetLineCancelled(store::Connection& conn, OrderLineId line, int64_t quantity_cancelled) {
  store::Exec(conn, "UPDATE order_lines SET quantity_cancelled = ? WHERE id = ?",
              quantity_cancelled, line);
}

namespace {

// Stores awaiting_stock again for the order's lines whose stored flag is not what their
// quantities and allocation rows say now.
void StoreAwaitingStock(store::Connection& conn, OrderId order) {
  store::Exec(conn,
              "UPDATE order_lines SET awaiting_stock = 1 - awaiting_stock "
              "WHERE order_id = ? AND awaiting_stock != (quantity - quantity_shipped - "
              "quantity_cancelled > COALESCE((SELECT SUM(a.quantity) FROM order_allocations a "
              "WHERE a.order_line_id = order_lines.id), 0))",
              order);
}

}  // namespace

void StoreStatus(store::Connection& conn, OrderId order, OrderStatus status) {
  store::Exec(conn, "UPDATE orders SET status = ? WHERE id = ?", StatusName(status), order);
  StoreAwaitingStock(conn, order);
}

bool TouchOrder(store::Connection& conn, const Order& order, Timestamp at,
                const std::optional<std::string>& cancel_reason) {
  bool touched =
      store::Exec(conn,
                  "UPDATE orders SET version = version + 1, updated_at = ?, status = ?, "
                  "cancel_reason = COALESCE(?, cancel_reason) WHERE id = ? AND "
                  "version = ?",
                  at, StatusName(DeriveStatus(order)), cancel_reason, order.id, order.version) == 1;
  if (touched) StoreAwaitingStock(conn, order.id);
  return touched;
}

std::vector<BackorderedLine> ListBackorderedLines(store::Connection& conn, ItemId item) {
  // A cancelled order has no open quantity, so the open-quantity term skips it too; fully
  // allocated lines are dropped below.
  store::Query q(
      conn,
      "SELECT l.order_id, l.id, l.quantity - l.quantity_shipped - l.quantity_cancelled - "
      "COALESCE((SELECT SUM(a.quantity) FROM order_allocations a "
      "WHERE a.order_line_id = l.id), 0) "
      "FROM order_lines l JOIN orders o ON o.id = l.order_id "
      "WHERE l.item_id = ? AND l.awaiting_stock = 1 "
      "AND l.quantity_shipped + l.quantity_cancelled < l.quantity "
      "AND NOT EXISTS (SELECT 1 FROM order_holds h "
      "WHERE h.order_id = l.order_id AND h.released_at IS NULL) "
      "ORDER BY o.requested_date IS NULL, o.requested_date, l.order_id, l.line_no",
      item);
  std::vector<BackorderedLine> out;
  while (q.Next()) {
    if (int64_t need = q.Int(2); need > 0) {
      out.push_back({OrderId(q.Int(0)), OrderLineId(q.Int(1)), need});
    }
  }
  return out;
}

std::optional<Order> LoadOrder(store::Connection& conn, OrderId id) {
  static const std::string sql = std::string(kHeaderSelect) + "WHERE o.id = ?";
  std::optional<Order> o;
  {
    store::Query q(conn, sql, id);
    if (!q.Next()) return std::nullopt;
    o = ReadHeader(q);
  }
  LoadDetails(conn, *o);
  return o;
}

std::optional<Order> LoadOrderByNumber(store::Connection& conn, std::string_view number) {
  static const std::string sql = std::string(kHeaderSelect) + "WHERE o.number = ?";
  std::optional<Order> o;
  {
    store::Query q(conn, sql, number);
    if (!q.Next()) return std::nullopt;
    o = ReadHeader(q);
  }
  LoadDetails(conn, *o);
  return o;
}

}  // namespace ordo::orders
