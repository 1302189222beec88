#include "orders/order_queries.h"

#include <array>
#include <limits>
#include <stdexcept>

#include "store/id_list.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::orders {
namespace {

// One bit per optional filter, in bind order.
constexpr unsigned kStatus = 1u << 0;
constexpr unsigned kCustomerId = 1u << 1;
constexpr unsigned kCreatedFrom = 1u << 2;
constexpr unsigned kCreatedBefore = 1u << 3;
constexpr unsigned kChannel = 1u << 4;
constexpr unsigned kFilterCombinations = 1u << 5;

std::string ListSql(unsigned mask) {
  std::string sql =
      "SELECT id, number, version, customer_id, status, po_number, channel, subtotal, tax, "
      "freight, currency, created_at FROM orders WHERE id < ?";
  if (mask & kStatus) sql += " AND status = ?";
  if (mask & kCustomerId) sql += " AND customer_id = ?";
  if (mask & kCreatedFrom) sql += " AND created_at >= ?";
  if (mask & kCreatedBefore) sql += " AND created_at < ?";
  if (mask & kChannel) sql += " AND channel = ?";
  sql += " ORDER BY id DESC LIMIT ?";
  return sql;
}

// The statement text of each filter combination, built once: the same text (and address) per
// combination lets the connection reuse its prepared statement, and each condition stays plain
// SQL (no "? IS NULL OR ..." that PostgreSQL could not type).
const std::string& ListSqlFor(unsigned mask) {
  static const std::array<std::string, kFilterCombinations> texts = [] {
    std::array<std::string, kFilterCombinations> out;
    for (unsigned m = 0; m < kFilterCombinations; ++m) out[m] = ListSql(m);
    return out;
  }();
  return texts[mask];
}

}  // namespace

std::vector<OrderSummary> ListOrders(store::Connection& conn, const OrderFilter& filter,
                                     std::optional<OrderId> before, int limit) {
  unsigned mask = (filter.status ? kStatus : 0) | (filter.customer_id ? kCustomerId : 0) |
                  (filter.created_from ? kCreatedFrom : 0) |
                  (filter.created_before ? kCreatedBefore : 0) | (filter.channel ? kChannel : 0);
  store::Query q(conn, ListSqlFor(mask),
                 before ? before->value() : std::numeric_limits<int64_t>::max());
  if (filter.status) q.BindMore(StatusName(*filter.status));
  if (filter.customer_id) q.BindMore(*filter.customer_id);
  if (filter.created_from) q.BindMore(*filter.created_from);
  if (filter.created_before) q.BindMore(*filter.created_before);
  if (filter.channel) q.BindMore(*filter.channel);
  q.BindMore(limit);

  std::vector<OrderSummary> out;
  while (q.Next()) {
    store::RowReader r(q);
    OrderSummary s;
    s.id = r.Id<OrderId>();
    s.number = r.Text();
    s.version = r.Int();
    s.customer = r.Id<CustomerId>();
    std::string status = r.Text();
    auto parsed = StatusFromName(status);
    if (!parsed) throw std::logic_error("order " + s.number + " has unknown status " + status);
    s.status = *parsed;
    s.po_number = r.Text();
    s.channel = r.Text();
    s.total = r.Amount();
    s.total += r.Amount();
    s.total += r.Amount();
    s.currency = r.Text();
    s.created_at = r.Time();
    out.push_back(std::move(s));
  }
  return out;
}

namespace {

OrderKey ReadKey(store::RowReader& r) {
  OrderKey k;
  k.id = r.Id<OrderId>();
  k.customer = r.Id<CustomerId>();
  return k;
}

}  // namespace

std::optional<OrderKey> FindOrderKey(store::Connection& conn, OrderId id) {
  return store::FindOne(conn, "SELECT id, customer_id FROM orders WHERE id = ?", id, ReadKey);
}

std::optional<OrderKey> FindOrderKeyByNumber(store::Connection& conn, std::string_view number) {
  return store::FindOne(conn, "SELECT id, customer_id FROM orders WHERE number = ?", number,
                        ReadKey);
}

std::vector<OrderToPick> ListOrdersToPick(store::Connection& conn, WarehouseId warehouse,
                                          OrderId after, int limit) {
  store::Query q(conn,
                 "SELECT o.id, o.number, o.customer_id, o.created_at, COUNT(*), SUM(a.quantity) "
                 "FROM order_allocations a JOIN order_lines l ON l.id = a.order_line_id "
                 "JOIN orders o ON o.id = l.order_id "
                 "WHERE a.warehouse_id = ? AND o.id > ? "
                 "AND o.status IN ('open', 'backordered', 'partially_shipped') "
                 "AND (o.allow_partial_shipment = 1 OR NOT EXISTS (SELECT 1 FROM order_lines w "
                 "WHERE w.order_id = o.id AND w.awaiting_stock = 1)) "
                 "GROUP BY o.id, o.number, o.customer_id, o.created_at ORDER BY o.id LIMIT ?",
                 warehouse, after, limit);
  std::vector<OrderToPick> out;
  while (q.Next()) {
    store::RowReader r(q);
    OrderToPick o;
    o.id = r.Id<OrderId>();
    o.number = r.Text();
    o.customer = r.Id<CustomerId>();
    o.created_at = r.Time();
    o.lines = static_cast<int>(r.Int());
    o.quantity = r.Int();
    out.push_back(std::move(o));
  }
  return out;
}

std::unordered_map<OrderId, std::string> OrderNumbers(store::Connection& conn,
                                                      const std::vector<OrderId>& ids) {
  static const std::string sql =
      "SELECT id, number FROM orders WHERE id" + std::string(store::kInIdList);
  return store::TextsById(conn, sql, ids);
}

bool CustomerHasOrders(store::Connection& conn, CustomerId customer) {
  store::Query q(conn,
                 "SELECT 1 FROM orders WHERE customer_id = ? AND status <> 'cancelled' LIMIT 1",
                 customer);
  return q.Next();
}

bool CustomerHasOtherOrders(store::Connection& conn, CustomerId customer, OrderId except) {
  store::Query q(conn,
                 "SELECT 1 FROM orders WHERE customer_id = ? AND status <> 'cancelled' "
                 "AND id <> ? LIMIT 1",
                 customer, except);
  return q.Next();
}

int64_t CountOrders(store::Connection& conn) {
  store::Query q(conn, "SELECT COUNT(*) FROM orders");
  return q.Next() ? q.Int(0) : 0;
}

int64_t CountCancelledOrders(store::Connection& conn) {
  store::Query q(conn, "SELECT COUNT(*) FROM orders WHERE cancel_reason IS NOT NULL");
  return q.Next() ? q.Int(0) : 0;
}

int64_t CountHeldOrders(store::Connection& conn) {
  store::Query q(conn, "SELECT COUNT(DISTINCT order_id) FROM order_holds");
  return q.Next() ? q.Int(0) : 0;
}

std::vector<AllocatedOrderWarehouse> ListAllocatedOrderWarehouses(store::Connection& conn,
                                                                  Timestamp created_before) {
  store::Query q(conn,
                 "SELECT DISTINCT l.order_id, a.warehouse_id FROM order_allocations a "
                 "JOIN order_lines l ON l.id = a.order_line_id "
                 "JOIN orders o ON o.id = l.order_id "
                 "WHERE o.created_at < ? AND o.status IN ('open', 'backordered', "
                 "'partially_shipped') ORDER BY l.order_id, a.warehouse_id",
                 created_before);
  std::vector<AllocatedOrderWarehouse> out;
  while (q.Next()) {
    store::RowReader r(q);
    AllocatedOrderWarehouse x;
    x.order = r.Id<OrderId>();
    x.warehouse = r.Id<WarehouseId>();
    out.push_back(x);
  }
  return out;
}

}  // namespace ordo::orders
