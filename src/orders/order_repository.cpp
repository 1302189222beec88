#include "orders/order_repository.h"

#include "core/ids.h"
#include "store/query.h"
#include "store/row_reader.h"
#include "store/sequences.h"

namespace ordo::orders {
namespace {

constexpr std::string_view kHeaderSelect =
    "SELECT id, number, customer_id, ship_to_id, po_number, channel, requested_date, "
    "allow_partial_shipment, currency, subtotal, tax, freight, cancel_reason, created_by, "
    "version, created_at, updated_at, settled, tax_exemption FROM orders ";

Order ReadHeader(store::RowReader& r) {
  Order o;
  o.id = r.Id<OrderId>();
  o.number = r.Text();
  o.customer = r.Id<CustomerId>();
  o.ship_to = r.Id<ShipToId>();
  o.po_number = r.Text();
  o.channel = r.Text();
  o.requested_date = r.OptDate();
  o.allow_partial_shipment = r.Bool();
  o.currency = r.Text();
  o.subtotal = r.Amount();
  o.tax = r.Amount();
  o.freight = r.Amount();
  o.cancel_reason = r.OptText();
  o.created_by = r.Text();
  o.version = r.Int();
  o.created_at = r.Time();
  o.updated_at = r.Time();
  o.settled = r.Bool();
  o.tax_exemption = r.OptText();
  return o;
}

void LoadDetails(store::Connection& conn, Order& o) {
  {
    store::Query q(conn,
                   "SELECT id, line_no, item_id, entered_quantity, entered_uom, quantity, "
                   "quantity_shipped, quantity_invoiced, quantity_cancelled, unit_price, "
                   "price_source, override_reason, extended_amount, quantity_returned, "
                   "tax_rate_ppm, tax_amount, unit_cost, customer_part_number, price_explanation, "
                   "requested_date FROM order_lines WHERE order_id = ? ORDER BY line_no",
                   o.id);
    while (q.Next()) {
      store::RowReader r(q);
      OrderLine l;
      l.id = r.Id<OrderLineId>();
      l.line_no = static_cast<int>(r.Int());
      l.item = r.Id<ItemId>();
      l.entered_quantity = r.Int();
      l.entered_uom = r.Text();
      l.quantity = r.Int();
      l.quantity_shipped = r.Int();
      l.quantity_invoiced = r.Int();
      l.quantity_cancelled = r.Int();
      l.unit_price = r.Amount();
      l.price_source = r.Text();
      l.override_reason = r.OptText();
      l.extended_amount = r.Amount();
      l.quantity_returned = r.Int();
      l.tax_rate_ppm = r.Int();
      l.tax_amount = r.Amount();
      l.unit_cost = r.Amount();
      l.customer_part_number = r.OptText();
      l.price_explanation = r.Text();
      l.requested_date = r.OptDate();
      o.lines.push_back(std::move(l));
    }
  }
  {
    store::Query q(conn,
                   "SELECT l.line_no, a.warehouse_id, a.quantity "
                   "FROM order_allocations a JOIN order_lines l ON l.id = a.order_line_id "
                   "WHERE l.order_id = ? ORDER BY l.line_no, a.warehouse_id",
                   o.id);
    while (q.Next()) {
      store::RowReader r(q);
      auto line_no = static_cast<size_t>(r.Int());
      if (line_no == 0 || line_no > o.lines.size()) continue;
      LineAllocation a;
      a.warehouse = r.Id<WarehouseId>();
      a.quantity = r.Int();
      o.lines[line_no - 1].allocations.push_back(std::move(a));
    }
  }
  store::Query q(conn,
                 "SELECT id, kind, reason, created_at, released_at, released_by, release_note "
                 "FROM order_holds WHERE order_id = ? ORDER BY id",
                 o.id);
  while (q.Next()) {
    store::RowReader r(q);
    Hold h;
    h.id = r.Int();
    h.kind = r.Text();
    h.reason = r.Text();
    h.created_at = r.Time();
    h.released_at = r.OptTime();
    h.released_by = r.OptText();
    h.release_note = r.OptText();
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
                   "created_by, version, created_at, updated_at, status, tax_exemption) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   o.number, o.customer, o.ship_to, o.po_number, o.channel, o.requested_date,
                   o.allow_partial_shipment, o.currency, o.subtotal, o.tax, o.freight, o.created_by,
                   o.version, o.created_at, o.updated_at, StatusName(DeriveStatus(o)),
                   o.tax_exemption);
    q.Next();
    o.id = OrderId(q.Int(0));
  }
  InsertLines(conn, o, 0);
}

void InsertLines(store::Connection& conn, Order& o, size_t first) {
  if (first >= o.lines.size()) return;
  static store::MultiRowSql insert_lines(
      "INSERT INTO order_lines (order_id, line_no, item_id, entered_quantity, entered_uom, "
      "quantity, unit_price, price_source, override_reason, extended_amount, awaiting_stock, "
      "tax_rate_ppm, tax_amount, unit_cost, customer_part_number, price_explanation, "
      "requested_date) VALUES",
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "RETURNING line_no, id");
  store::Query q(conn, insert_lines.ForRows(o.lines.size() - first));
  for (size_t i = first; i < o.lines.size(); ++i) {
    const OrderLine& l = o.lines[i];
    q.BindMore(o.id, l.line_no, l.item, l.entered_quantity, l.entered_uom, l.quantity, l.unit_price,
               l.price_source, l.override_reason, l.extended_amount, l.quantity_unallocated() > 0,
               l.tax_rate_ppm, l.tax_amount, l.unit_cost, l.customer_part_number,
               l.price_explanation, l.requested_date);
  }
  while (q.Next()) {
    auto line_no = static_cast<size_t>(q.Int(0));
    if (line_no >= 1 && line_no <= o.lines.size()) o.lines[line_no - 1].id = OrderLineId(q.Int(1));
  }
}

void UpdateLineTerms(store::Connection& conn, const OrderLine& l) {
  store::Exec(conn,
              "UPDATE order_lines SET entered_quantity = ?, entered_uom = ?, quantity = ?, "
              "quantity_cancelled = ?, unit_price = ?, price_source = ?, price_explanation = ?, "
              "override_reason = ?, extended_amount = ?, tax_rate_ppm = ?, tax_amount = ?, "
              "requested_date = ? WHERE id = ?",
              l.entered_quantity, l.entered_uom, l.quantity, l.quantity_cancelled, l.unit_price,
              l.price_source, l.price_explanation, l.override_reason, l.extended_amount,
              l.tax_rate_ppm, l.tax_amount, l.requested_date, l.id);
}

void UpdateHeaderTerms(store::Connection& conn, const Order& o) {
  store::Exec(conn,
              "UPDATE orders SET ship_to_id = ?, subtotal = ?, tax = ?, tax_exemption = ? "
              "WHERE id = ?",
              o.ship_to, o.subtotal, o.tax, o.tax_exemption, o.id);
}

void RecordChanger(store::Connection& conn, OrderId order, std::string_view actor, Timestamp at) {
  store::Exec(conn,
              "INSERT INTO order_changers (order_id, actor, first_changed_at) VALUES (?, ?, ?) "
              "ON CONFLICT (order_id, actor) DO NOTHING",
              order, actor, at);
}

bool ChangedBy(store::Connection& conn, OrderId order, std::string_view actor) {
  store::Query q(conn, "SELECT 1 FROM order_changers WHERE order_id = ? AND actor = ?", order,
                 actor);
  return q.Next();
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
      "ORDER BY COALESCE(l.requested_date, o.requested_date) IS NULL, "
      "COALESCE(l.requested_date, o.requested_date), l.order_id, l.line_no",
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
  static const std::string sql = std::string(kHeaderSelect) + "WHERE id = ?";
  return store::FindOne(conn, sql, id, ReadHeader, [&](Order& o) { LoadDetails(conn, o); });
}

std::optional<Order> LoadOrderByNumber(store::Connection& conn, std::string_view number) {
  static const std::string sql = std::string(kHeaderSelect) + "WHERE number = ?";
  return store::FindOne(conn, sql, number, ReadHeader, [&](Order& o) { LoadDetails(conn, o); });
}

}  // namespace ordo::orders
