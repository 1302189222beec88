#include "orders/order_queries.h"

#include <algorithm>
#include <array>
#include <limits>
#include <stdexcept>

#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::orders {
namespace {

// One bit per optional filter, in bind order.
constexpr unsigned kStatus = 1u << 0;
constexpr unsigned kCustomerId = 1u << 1;
constexpr unsigned kCustomerCode = 1u << 2;
constexpr unsigned kCreatedFrom = 1u << 3;
constexpr unsigned kCreatedBefore = 1u << 4;
constexpr unsigned kFilterCombinations = 1u << 5;

std::string ListSql(unsigned mask) {
  std::string sql =
      "SELECT o.id, o.number, o.version, o.customer_id, c.code, o.status, o.po_number, "
      "o.channel, o.subtotal, o.tax, o.freight, o.currency, o.created_at "
      "FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id < ?";
  if (mask & kStatus) sql += " AND o.status = ?";
  if (mask & kCustomerId) sql += " AND o.customer_id = ?";
  if (mask & kCustomerCode) sql += " AND c.code = ?";
  if (mask & kCreatedFrom) sql += " AND o.created_at >= ?";
  if (mask & kCreatedBefore) sql += " AND o.created_at < ?";
  sql += " ORDER BY o.id DESC LIMIT ?";
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
                  (filter.customer_code ? kCustomerCode : 0) |
                  (filter.created_from ? kCreatedFrom : 0) |
                  (filter.created_before ? kCreatedBefore : 0);
  store::Query q(conn, ListSqlFor(mask),
                 before ? before->value() : std::numeric_limits<int64_t>::max());
  if (filter.status) q.BindMore(StatusName(*filter.status));
  if (filter.customer_id) q.BindMore(*filter.customer_id);
  if (filter.customer_code) q.BindMore(*filter.customer_code);
  if (filter.created_from) q.BindMore(*filter.created_from);
  if (filter.created_before) q.BindMore(*filter.created_before);
  q.BindMore(limit);

  std::vector<OrderSummary> out;
  while (q.Next()) {
    OrderSummary s;
    s.id = OrderId(q.Int(0));
    s.number = q.Text(1);
    s.version = q.Int(2);
    s.customer = CustomerId(q.Int(3));
    s.customer_code = q.Text(4);
    std::string status = q.Text(5);
    auto parsed = StatusFromName(status);
    if (!parsed) throw std::logic_error("order " + s.number + " has unknown status " + status);
    s.status = *parsed;
    s.po_number = q.Text(6);
    s.channel = q.Text(7);
    s.total = q.Amount(8) + q.Amount(9) + q.Amount(10);
    s.currency = q.Text(11);
    s.created_at = q.Time(12);
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<OrderKey> FindOrderKey(store::Connection& conn, OrderId id) {
  store::Query q(conn, "SELECT id, customer_id FROM orders WHERE id = ?", id);
  if (!q.Next()) return std::nullopt;
  return OrderKey{OrderId(q.Int(0)), CustomerId(q.Int(1))};
}

std::optional<OrderKey> FindOrderKeyByNumber(store::Connection& conn, std::string_view number) {
  store::Query q(conn, "SELECT id, customer_id FROM orders WHERE number = ?", number);
  if (!q.Next()) return std::nullopt;
  return OrderKey{OrderId(q.Int(0)), CustomerId(q.Int(1))};
}

std::unordered_map<OrderId, std::string> OrderNumbers(store::Connection& conn,
                                                      const std::vector<OrderId>& ids) {
  std::vector<OrderId> distinct = ids;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::unordered_map<OrderId, std::string> out;
  if (distinct.empty()) return out;
  static store::MultiRowSql sql("SELECT id, number FROM orders WHERE id IN (", "?", ")");
  store::Query q(conn, sql.ForRows(distinct.size()));
  for (OrderId id : distinct) q.BindMore(id);
  while (q.Next()) {
    store::RowReader r(q);
    auto id = r.Id<OrderId>();
    out.emplace(id, r.Text());
  }
  return out;
}

}  // namespace ordo::orders
