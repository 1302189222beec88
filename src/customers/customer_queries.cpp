#include "customers/customer_queries.h"

#include <algorithm>
#include <array>

#include "customers/customer_repository.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::customers {
namespace {

// One bit per filter in use. Each combination has one SQL text, built once, so its prepared
// statement is reused and every filter is a plain portable condition (no `? IS NULL OR`).
constexpr unsigned kOnly = 1, kOnHold = 2, kSalesperson = 4, kText = 8;

const std::string& SqlFor(unsigned bits) {
  static const std::array<std::string, 16> texts = [] {
    std::array<std::string, 16> out;
    for (unsigned b = 0; b < out.size(); ++b) {
      std::string sql = "SELECT id FROM customers WHERE id > ?";
      if (b & kOnly) sql += " AND id = ?";
      if (b & kOnHold) sql += " AND on_hold = ?";
      if (b & kSalesperson) sql += " AND salesperson = ?";
      if (b & kText) {
        sql += " AND (LOWER(code) LIKE ? ESCAPE '\\' OR LOWER(name) LIKE ? ESCAPE '\\')";
      }
      out[b] = sql + " ORDER BY id LIMIT ?";
    }
    return out;
  }();
  return texts[bits];
}

// "%text%" for LIKE, lower-cased the way SQL LOWER() lower-cases (ASCII only), with the
// pattern characters escaped so that "50%" finds a literal "50%".
std::string ContainsPattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out + "%";
}

}  // namespace

std::vector<Customer> ListCustomers(store::Connection& conn, const CustomerFilter& filter,
                                    int64_t after, int limit) {
  unsigned bits = (filter.only ? kOnly : 0) | (filter.on_hold ? kOnHold : 0) |
                  (filter.salesperson ? kSalesperson : 0) | (filter.text.empty() ? 0 : kText);
  std::vector<CustomerId> ids;
  {
    store::Query q(conn, SqlFor(bits), after);
    if (filter.only) q.BindMore(*filter.only);
    if (filter.on_hold) q.BindMore(*filter.on_hold);
    if (filter.salesperson) q.BindMore(*filter.salesperson);
    if (!filter.text.empty()) {
      std::string pattern = ContainsPattern(filter.text);
      q.BindMore(pattern, pattern);
    }
    q.BindMore(limit);
    while (q.Next()) ids.emplace_back(q.Int(0));
  }
  // A page is at most a few hundred rows; loading each through the repository keeps one
  // definition of how a customer and its ship-tos are read.
  std::vector<Customer> out;
  out.reserve(ids.size());
  for (CustomerId id : ids) {
    if (auto c = FindCustomerById(conn, id)) out.push_back(std::move(*c));
  }
  return out;
}

namespace {

// The code of each of the distinct `ids`, read by `sql` (one table's "SELECT id, code ... IN").
template <typename IdT>
std::unordered_map<IdT, std::string> CodesOf(store::Connection& conn, store::MultiRowSql& sql,
                                             const std::vector<IdT>& ids) {
  std::vector<IdT> distinct = ids;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::unordered_map<IdT, std::string> out;
  if (distinct.empty()) return out;
  store::Query q(conn, sql.ForRows(distinct.size()));
  for (IdT id : distinct) q.BindMore(id);
  while (q.Next()) {
    store::RowReader r(q);
    auto id = r.Id<IdT>();
    out.emplace(id, r.Text());
  }
  return out;
}

}  // namespace

std::unordered_map<CustomerId, std::string> CustomerCodes(store::Connection& conn,
                                                          const std::vector<CustomerId>& ids) {
  static store::MultiRowSql sql("SELECT id, code FROM customers WHERE id IN (", "?", ")");
  return CodesOf(conn, sql, ids);
}

std::unordered_map<ShipToId, std::string> ShipToCodes(store::Connection& conn,
                                                      const std::vector<ShipToId>& ids) {
  static store::MultiRowSql sql("SELECT id, code FROM ship_tos WHERE id IN (", "?", ")");
  return CodesOf(conn, sql, ids);
}

std::unordered_map<CustomerId, CustomerLabel> CustomerLabels(store::Connection& conn,
                                                             const std::vector<CustomerId>& ids) {
  std::vector<CustomerId> distinct = ids;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::unordered_map<CustomerId, CustomerLabel> out;
  if (distinct.empty()) return out;
  static store::MultiRowSql sql("SELECT id, code, name FROM customers WHERE id IN (", "?", ")");
  store::Query q(conn, sql.ForRows(distinct.size()));
  for (CustomerId id : distinct) q.BindMore(id);
  while (q.Next()) {
    store::RowReader r(q);
    auto id = r.Id<CustomerId>();
    CustomerLabel label;
    label.code = r.Text();
    label.name = r.Text();
    out.emplace(id, std::move(label));
  }
  return out;
}

int64_t CountCustomers(store::Connection& conn) {
  store::Query q(conn, "SELECT COUNT(*) FROM customers");
  return q.Next() ? q.Int(0) : 0;
}

Money TotalOpenReceivables(store::Connection& conn) {
  store::Query q(conn, "SELECT COALESCE(SUM(open_receivables), 0) FROM customer_balances");
  return q.Next() ? q.Amount(0) : Money();
}

}  // namespace ordo::customers
