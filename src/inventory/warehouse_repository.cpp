#include "inventory/warehouse_repository.h"

#include "audit/audit_log.h"
#include "events/outbox.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::inventory {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, code, name, line1, city, region, postal_code, country, allocation_rank "
    "FROM warehouses ";

Warehouse Read(store::RowReader& r) {
  Warehouse w;
  w.id = r.Id<WarehouseId>();
  w.code = r.Text();
  w.name = r.Text();
  w.address.line1 = r.Text();
  w.address.city = r.Text();
  w.address.region = r.Text();
  w.address.postal_code = r.Text();
  w.address.country = r.Text();
  w.allocation_rank = static_cast<int>(r.Int());
  return w;
}

Warehouse Read(const store::Query& q) {
  store::RowReader r(q);
  return Read(r);
}

}  // namespace

std::optional<Warehouse> FindWarehouseByCode(store::Connection& conn, std::string_view code) {
  static const std::string sql = std::string(kSelect) + "WHERE code = ?";
  return store::FindOne(conn, sql, code, [](store::RowReader& r) { return Read(r); });
}

std::optional<Warehouse> FindWarehouseById(store::Connection& conn, WarehouseId id) {
  static const std::string sql = std::string(kSelect) + "WHERE id = ?";
  return store::FindOne(conn, sql, id, [](store::RowReader& r) { return Read(r); });
}

std::vector<Warehouse> ListWarehousesAfter(store::Connection& conn, int64_t after, int limit) {
  static const std::string sql = std::string(kSelect) + "WHERE id > ? ORDER BY id LIMIT ?";
  store::Query q(conn, sql, after, limit);
  std::vector<Warehouse> out;
  while (q.Next()) out.push_back(Read(q));
  return out;
}

std::vector<Warehouse> ListWarehouses(store::Connection& conn) {
  static const std::string sql = std::string(kSelect) + "ORDER BY allocation_rank, id";
  store::Query q(conn, sql);
  std::vector<Warehouse> out;
  while (q.Next()) out.push_back(Read(q));
  return out;
}

int64_t CountWarehouses(store::Connection& conn) {
  store::Query q(conn, "SELECT COUNT(*) FROM warehouses");
  return q.Next() ? q.Int(0) : 0;
}

Result<Warehouse> CreateWarehouse(store::Connection& conn, const CommandContext& ctx, Warehouse w) {
  if (Status st = ValidateWarehouse(w); !st.ok()) return st;
  if (FindWarehouseByCode(conn, w.code)) {
    return Status(ErrorCode::kConflict, "a warehouse with code " + w.code + " exists",
                  {{"code", "duplicate", "warehouse code " + w.code + " is taken"}});
  }
  {
    store::Query q(conn,
                   "INSERT INTO warehouses (code, name, line1, city, region, postal_code, "
                   "country, allocation_rank, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "RETURNING id",
                   w.code, w.name, w.address.line1, w.address.city, w.address.region,
                   w.address.postal_code, w.address.country, w.allocation_rank, ctx.now);
    q.Next();
    w.id = WarehouseId(q.Int(0));
  }
  audit::Record(conn, ctx, "warehouse.create", "warehouse", w.id.value(), nullptr, ToJson(w));
  events::Publish(conn, ctx, "warehouse.created", "warehouse", w.id.value(),
                  {{"id", w.id.value()}, {"code", w.code}});
  return w;
}

}  // namespace ordo::inventory
