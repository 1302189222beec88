#include "customers/customer_repository.h"

#include <unordered_map>

#include "core/resource_ref.h"
#include "inventory/warehouse_repository.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::customers {
namespace {

constexpr std::string_view kColumns =
    "id, code, name, bill_line1, bill_city, bill_region, bill_postal_code, bill_country, "
    "payment_terms, credit_limit, price_tier, tax_exempt, salesperson, on_hold, version, "
    "created_at, updated_at";

Customer ReadCustomer(store::RowReader& r) {
  Customer c;
  c.id = r.Id<CustomerId>();
  c.code = r.Text();
  c.name = r.Text();
  c.bill_to.line1 = r.Text();
  c.bill_to.city = r.Text();
  c.bill_to.region = r.Text();
  c.bill_to.postal_code = r.Text();
  c.bill_to.country = r.Text();
  c.payment_terms = r.Text();
  c.credit_limit = r.Amount();
  c.price_tier = r.OptText();
  c.tax_exempt = r.Bool();
  c.salesperson = r.Text();
  c.on_hold = r.Bool();
  c.version = r.Int();
  c.created_at = r.Time();
  c.updated_at = r.Time();
  return c;
}

// The ship-tos, with their preferred warehouses' codes from the inventory module (read only
// when a ship-to has one, so order entry, which does not show them, reads no more for most).
void LoadShipTos(store::Connection& conn, Customer& c) {
  bool any_preferred = false;
  {
    store::Query q(conn,
                   "SELECT id, code, name, line1, city, region, postal_code, country, "
                   "preferred_warehouse_id FROM ship_tos WHERE customer_id = ? ORDER BY id",
                   c.id);
    while (q.Next()) {
      store::RowReader r(q);
      ShipTo s;
      s.id = r.Id<ShipToId>();
      s.code = r.Text();
      s.name = r.Text();
      s.address.line1 = r.Text();
      s.address.city = r.Text();
      s.address.region = r.Text();
      s.address.postal_code = r.Text();
      s.address.country = r.Text();
      s.preferred_warehouse = r.OptId<WarehouseId>();
      any_preferred = any_preferred || s.preferred_warehouse.has_value();
      c.ship_tos.push_back(std::move(s));
    }
  }
  if (!any_preferred) return;
  std::unordered_map<WarehouseId, std::string> codes;
  for (auto& w : inventory::ListWarehouses(conn)) codes.emplace(w.id, std::move(w.code));
  for (auto& s : c.ship_tos) {
    if (!s.preferred_warehouse) continue;
    if (auto it = codes.find(*s.preferred_warehouse); it != codes.end()) {
      s.preferred_warehouse_code = it->second;
    }
  }
}

std::optional<Customer> LoadCustomer(store::Connection& conn, const std::string& sql, auto key) {
  return store::FindOne(conn, sql, key, ReadCustomer, [&](Customer& c) { LoadShipTos(conn, c); });
}

}  // namespace

std::optional<Customer> FindCustomerByCode(store::Connection& conn, std::string_view code) {
  static const std::string sql =
      "SELECT " + std::string(kColumns) + " FROM customers WHERE code = ?";
  return LoadCustomer(conn, sql, code);
}

std::optional<Customer> FindCustomerByRef(store::Connection& conn, std::string_view code_or_id) {
  if (auto found = FindCustomerByCode(conn, code_or_id)) return found;
  if (auto id = ParseResourceRef(code_or_id).id) return FindCustomerById(conn, CustomerId(*id));
  return std::nullopt;
}

std::optional<Customer> FindCustomerById(store::Connection& conn, CustomerId id) {
  static const std::string sql = "SELECT " + std::string(kColumns) + " FROM customers WHERE id = ?";
  return LoadCustomer(conn, sql, id);
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
  return store::FindOne(conn, "SELECT code, name, discount_bp FROM price_tiers WHERE code = ?",
                        code, [](store::RowReader& r) {
                          PriceTier t;
                          t.code = r.Text();
                          t.name = r.Text();
                          t.discount_bp = static_cast<int>(r.Int());
                          return t;
                        });
}

std::vector<PriceTier> ListPriceTiers(store::Connection& conn) {
  std::vector<PriceTier> tiers;
  store::Query q(conn, "SELECT code, name, discount_bp FROM price_tiers ORDER BY code");
  while (q.Next()) {
    store::RowReader r(q);
    PriceTier t;
    t.code = r.Text();
    t.name = r.Text();
    t.discount_bp = static_cast<int>(r.Int());
    tiers.push_back(std::move(t));
  }
  return tiers;
}

void UpsertPriceTier(store::Connection& conn, const PriceTier& t) {
  store::Exec(conn,
              "INSERT INTO price_tiers (code, name, discount_bp) VALUES (?, ?, ?) "
              "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
              "discount_bp = excluded.discount_bp",
              t.code, t.name, t.discount_bp);
}

}  // namespace ordo::customers
