#include "customers/customer_repository.h"

#include "core/resource_ref.h"
#include "store/query.h"

namespace ordo::customers {
namespace {

constexpr std::string_view kColumns =
    "id, code, name, bill_line1, bill_city, bill_region, bill_postal_code, bill_country, "
    "payment_terms, credit_limit, price_tier, tax_exempt, salesperson, on_hold, version, "
    "created_at, updated_at";

Customer ReadCustomer(const store::Query& q) {
  Customer c;
  c.id = CustomerId(q.Int(0));
  c.code = q.Text(1);
  c.name = q.Text(2);
  c.bill_to = Address{q.Text(3), q.Text(4), q.Text(5), q.Text(6), q.Text(7)};
  c.payment_terms = q.Text(8);
  c.credit_limit = q.Amount(9);
  c.price_tier = q.OptText(10);
  c.tax_exempt = q.Bool(11);
  c.salesperson = q.Text(12);
  c.on_hold = q.Bool(13);
  c.version = q.Int(14);
  c.created_at = q.Time(15);
  c.updated_at = q.Time(16);
  return c;
}

void LoadShipTos(store::Connection& conn, Customer& c) {
  store::Query q(conn,
                 "SELECT s.id, s.code, s.name, s.line1, s.city, s.region, s.postal_code, "
                 "s.country, s.preferred_warehouse_id, w.code FROM ship_tos s "
                 "LEFT JOIN warehouses w ON w.id = s.preferred_warehouse_id "
                 "WHERE s.customer_id = ? ORDER BY s.id",
                 c.id);
  while (q.Next()) {
    ShipTo s;
    s.id = ShipToId(q.Int(0));
    s.code = q.Text(1);
    s.name = q.Text(2);
    s.address = Address{q.Text(3), q.Text(4), q.Text(5), q.Text(6), q.Text(7)};
    if (auto w = q.OptInt(8)) s.preferred_warehouse = WarehouseId(*w);
    s.preferred_warehouse_code = q.OptText(9).value_or("");
    c.ship_tos.push_back(std::move(s));
  }
}

template <typename Key>
std::optional<Customer> FindOne(store::Connection& conn, const std::string& sql, Key key) {
  std::optional<Customer> c;
  {
    store::Query q(conn, sql, key);
    if (!q.Next()) return std::nullopt;
    c = ReadCustomer(q);
  }
  LoadShipTos(conn, *c);
  return c;
}

}  // namespace

std::optional<Customer> FindCustomerByCode(store::Connection& conn, std::string_view code) {
  static const std::string sql =
      "SELECT " + std::string(kColumns) + " FROM customers WHERE code = ?";
  return FindOne(conn, sql, code);
}

std::optional<Customer> FindCustomerByRef(store::Connection& conn, std::string_view code_or_id) {
  if (auto found = FindCustomerByCode(conn, code_or_id)) return found;
  if (auto id = ParseResourceRef(code_or_id).id) return FindCustomerById(conn, CustomerId(*id));
  return std::nullopt;
}

std::optional<Customer> FindCustomerById(store::Connection& conn, CustomerId id) {
  static const std::string sql = "SELECT " + std::string(kColumns) + " FROM customers WHERE id = ?";
  return FindOne(conn, sql, id);
}

Customer InsertCustomer(store::Connection& conn, const NewCustomer& in,
                        const std::vector<std::optional<WarehouseId>>& preferred, Timestamp now) {
  Customer c;
  {
    store::Query q(conn,
                   "INSERT INTO customers (code, name, bill_line1, bill_city, bill_region, "
                   "bill_postal_code, bill_country, payment_terms, credit_limit, price_tier, "
                   "tax_exempt, salesperson, on_hold, version, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id",
                   in.code, in.name, in.bill_to.line1, in.bill_to.city, in.bill_to.region,
                   in.bill_to.postal_code, in.bill_to.country, in.payment_terms, in.credit_limit,
                   in.price_tier, in.tax_exempt, in.salesperson, in.on_hold, now, now);
    q.Next();
    c.id = CustomerId(q.Int(0));
  }
  store::Exec(conn, "INSERT INTO customer_balances (customer_id) VALUES (?)", c.id);
  for (size_t i = 0; i < in.ship_tos.size(); ++i) {
    const auto& s = in.ship_tos[i];
    ShipTo out{ShipToId(), s.code,       s.name,
               s.address,  preferred[i], preferred[i] ? s.preferred_warehouse.value_or("") : ""};
    store::Query q(conn,
                   "INSERT INTO ship_tos (customer_id, code, name, line1, city, region, "
                   "postal_code, country, preferred_warehouse_id) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   c.id, s.code, s.name, s.address.line1, s.address.city, s.address.region,
                   s.address.postal_code, s.address.country, preferred[i]);
    q.Next();
    out.id = ShipToId(q.Int(0));
    c.ship_tos.push_back(std::move(out));
  }
  c.code = in.code;
  c.name = in.name;
  c.bill_to = in.bill_to;
  c.payment_terms = in.payment_terms;
  c.credit_limit = in.credit_limit;
  c.price_tier = in.price_tier;
  c.tax_exempt = in.tax_exempt;
  c.salesperson = in.salesperson;
  c.on_hold = in.on_hold;
  c.created_at = now;
  c.updated_at = now;
  return c;
}

std::optional<PriceTier> FindPriceTier(store::Connection& conn, std::string_view code) {
  store::Query q(conn, "SELECT code, name, discount_bp FROM price_tiers WHERE code = ?", code);
  if (!q.Next()) return std::nullopt;
  return PriceTier{q.Text(0), q.Text(1), static_cast<int>(q.Int(2))};
}

void UpsertPriceTier(store::Connection& conn, const PriceTier& t) {
  store::Exec(conn,
              "INSERT INTO price_tiers (code, name, discount_bp) VALUES (?, ?, ?) "
              "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
              "discount_bp = excluded.discount_bp",
              t.code, t.name, t.discount_bp);
}

}  // namespace ordo::customers
