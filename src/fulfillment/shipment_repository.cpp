#include "fulfillment/shipment_repository.h"

#include <algorithm>
#include <stdexcept>

#include "store/query.h"
#include "store/sequences.h"

namespace ordo::fulfillment {
namespace {

constexpr std::string_view kHeaderSelect =
    "SELECT s.id, s.number, s.order_id, o.number, o.customer_id, s.warehouse_id, w.code, "
    "s.status, s.carrier, s.service, s.tracking_number, s.packages, s.version, s.created_at, "
    "s.shipped_at, s.created_by, s.cancelled_at, s.cancel_reason "
    "FROM shipments s JOIN orders o ON o.id = s.order_id "
    "JOIN warehouses w ON w.id = s.warehouse_id ";

std::vector<Package> ParsePackages(const std::string& text) {
  std::vector<Package> out;
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_array()) return out;
  for (const auto& p : doc) {
    if (p.is_object() && p.contains("weight") && p["weight"].is_string()) {
      out.push_back(Package{p["weight"].get<std::string>()});
    }
  }
  return out;
}

std::string PackagesText(const std::vector<Package>& packages) {
  nlohmann::json doc = nlohmann::json::array();
  for (const auto& p : packages) doc.push_back({{"weight", p.weight}});
  return doc.dump();
}

Shipment ReadHeader(const store::Query& q) {
  Shipment s;
  s.id = ShipmentId(q.Int(0));
  s.number = q.Text(1);
  s.order = OrderId(q.Int(2));
  s.order_number = q.Text(3);
  s.customer = CustomerId(q.Int(4));
  s.warehouse = WarehouseId(q.Int(5));
  s.warehouse_code = q.Text(6);
  s.status = StatusFromName(q.Text(7)).value_or(ShipmentStatus::kPicking);
  s.carrier = q.OptText(8);
  s.service = q.OptText(9);
  s.tracking_number = q.OptText(10);
  s.packages = ParsePackages(q.Text(11));
  s.version = q.Int(12);
  s.created_at = q.Time(13);
  if (auto at = q.OptInt(14)) s.shipped_at = Timestamp{*at};
  s.created_by = q.Text(15);
  if (auto at = q.OptInt(16)) {
    s.cancelled_at = Timestamp{*at};
    s.status = ShipmentStatus::kCancelled;  // stored as picking: see migration 0010
  }
  s.cancel_reason = q.OptText(17);
  return s;
}

void LoadLines(store::Connection& conn, Shipment& s) {
  store::Query q(conn,
                 "SELECT sl.order_line_id, sl.line_no, l.item_id, i.sku, sl.quantity, "
                 "sl.quantity_shipped FROM shipment_lines sl "
                 "JOIN order_lines l ON l.id = sl.order_line_id "
                 "JOIN items i ON i.id = l.item_id "
                 "WHERE sl.shipment_id = ? ORDER BY sl.line_no",
                 s.id);
  while (q.Next()) {
    s.lines.push_back(ShipmentLine{OrderLineId(q.Int(0)), static_cast<int>(q.Int(1)),
                                   ItemId(q.Int(2)), q.Text(3), q.Int(4), q.Int(5)});
  }
}

// `sql` is kHeaderSelect plus a WHERE clause with one parameter; it must outlive the call
// (the statement cache is keyed by the text's address).
std::optional<Shipment> LoadWhere(store::Connection& conn, const std::string& sql,
                                  const auto& key) {
  Shipment s;
  {
    store::Query q(conn, sql, key);
    if (!q.Next()) return std::nullopt;
    s = ReadHeader(q);
  }
  LoadLines(conn, s);
  return s;
}

}  // namespace

std::string NextShipmentNumber(store::Connection& conn) {
  return store::NextDocumentNumber(conn, "SH");
}

void InsertShipment(store::Connection& conn, Shipment& s) {
  {
    store::Query q(conn,
                   "INSERT INTO shipments (number, order_id, warehouse_id, status, carrier, "
                   "service, tracking_number, packages, version, created_at, shipped_at, "
                   "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   s.number, s.order, s.warehouse, StatusName(s.status), s.carrier, s.service,
                   s.tracking_number, PackagesText(s.packages), s.version, s.created_at,
                   s.shipped_at, s.created_by);
    q.Next();
    s.id = ShipmentId(q.Int(0));
  }
  for (const auto& l : s.lines) {
    store::Exec(conn,
                "INSERT INTO shipment_lines (shipment_id, order_line_id, line_no, quantity, "
                "quantity_shipped) VALUES (?, ?, ?, ?, ?)",
                s.id, l.order_line, l.line_no, l.quantity, l.quantity_shipped);
  }
}

bool StoreConfirmation(store::Connection& conn, const Shipment& s) {
  int64_t changed = store::Exec(conn,
                                "UPDATE shipments SET status = ?, carrier = ?, service = ?, "
                                "tracking_number = ?, packages = ?, shipped_at = ?, "
                                "version = version + 1 "
                                "WHERE id = ? AND version = ? AND status = 'picking' "
                                "AND cancelled_at IS NULL",
                                StatusName(s.status), s.carrier, s.service, s.tracking_number,
                                PackagesText(s.packages), s.shipped_at, s.id, s.version);
  if (changed != 1) return false;
  for (const auto& l : s.lines) {
    store::Exec(conn,
                "UPDATE shipment_lines SET quantity_shipped = ? "
                "WHERE shipment_id = ? AND order_line_id = ?",
                l.quantity_shipped, s.id, l.order_line);
  }
  return true;
}

std::optional<Shipment> LoadShipment(store::Connection& conn, ShipmentId id) {
  static const std::string sql = std::string(kHeaderSelect) + "WHERE s.id = ?";
  return LoadWhere(conn, sql, id);
}

std::optional<Shipment> LoadShipmentByNumber(store::Connection& conn, std::string_view number) {
  static const std::string sql = std::string(kHeaderSelect) + "WHERE s.number = ?";
  return LoadWhere(conn, sql, number);
}

bool StoreCancellation(store::Connection& conn, const Shipment& s) {
  return store::Exec(conn,
                     "UPDATE shipments SET cancelled_at = ?, cancel_reason = ?, "
                     "version = version + 1 WHERE id = ? AND version = ? AND status = 'picking' "
                     "AND cancelled_at IS NULL",
                     s.cancelled_at, s.cancel_reason, s.id, s.version) == 1;
}

std::map<OrderLineId, int64_t> PickingQuantities(store::Connection& conn, OrderId order,
                                                 WarehouseId warehouse) {
  store::Query q(conn,
                 "SELECT sl.order_line_id, SUM(sl.quantity) FROM shipments s "
                 "JOIN shipment_lines sl ON sl.shipment_id = s.id "
                 "WHERE s.order_id = ? AND s.warehouse_id = ? AND s.status = 'picking' "
                 "AND s.cancelled_at IS NULL "
                 "GROUP BY sl.order_line_id",
                 order, warehouse);
  std::map<OrderLineId, int64_t> out;
  while (q.Next()) out[OrderLineId(q.Int(0))] = q.Int(1);
  return out;
}

std::vector<Shipment> ListShipments(store::Connection& conn, const ShipmentFilter& f,
                                    std::optional<ShipmentId> before, int limit) {
  static const std::string kList =
      std::string(kHeaderSelect) +
      "WHERE (? IS NULL OR (CASE WHEN s.cancelled_at IS NOT NULL THEN 'cancelled' "
      "ELSE s.status END) = ?) AND (? IS NULL OR s.order_id = ?) "
      "AND (? IS NULL OR s.warehouse_id = ?) AND (? IS NULL OR o.customer_id = ?) "
      "AND s.id < ? ORDER BY s.id DESC LIMIT ?";
  std::optional<std::string> status;
  if (f.status) status = std::string(StatusName(*f.status));
  std::vector<Shipment> out;
  {
    store::Query q(conn, kList, status, status, f.order, f.order, f.warehouse, f.warehouse,
                   f.customer, f.customer, before ? before->value() : INT64_MAX, limit);
    while (q.Next()) out.push_back(ReadHeader(q));
  }
  for (auto& s : out) LoadLines(conn, s);
  return out;
}

std::unordered_map<ShipmentId, std::string> ShipmentNumbers(store::Connection& conn,
                                                            const std::vector<ShipmentId>& ids) {
  std::vector<ShipmentId> distinct = ids;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  std::unordered_map<ShipmentId, std::string> out;
  if (distinct.empty()) return out;
  static store::MultiRowSql sql("SELECT id, number FROM shipments WHERE id IN (", "?", ")");
  store::Query q(conn, sql.ForRows(distinct.size()));
  for (ShipmentId id : distinct) q.BindMore(id);
  while (q.Next()) out.emplace(ShipmentId(q.Int(0)), q.Text(1));
  return out;
}

}  // namespace ordo::fulfillment
