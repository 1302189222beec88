#include "fulfillment/shipment_repository.h"

#include <stdexcept>

#include "store/id_list.h"
#include "store/query.h"
#include "store/row_reader.h"
#include "store/sequences.h"

namespace ordo::fulfillment {
namespace {

constexpr std::string_view kHeaderSelect =
    "SELECT id, number, order_id, customer_id, warehouse_id, status, carrier, service, "
    "tracking_number, packages, version, created_at, shipped_at, created_by, cancelled_at, "
    "cancel_reason FROM shipments ";

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

Shipment ReadHeader(store::RowReader& r) {
  Shipment s;
  s.id = r.Id<ShipmentId>();
  s.number = r.Text();
  s.order = r.Id<OrderId>();
  s.customer = r.Id<CustomerId>();
  s.warehouse = r.Id<WarehouseId>();
  s.status = StatusFromName(r.Text()).value_or(ShipmentStatus::kPicking);
  s.carrier = r.OptText();
  s.service = r.OptText();
  s.tracking_number = r.OptText();
  s.packages = ParsePackages(r.Text());
  s.version = r.Int();
  s.created_at = r.Time();
  s.shipped_at = r.OptTime();
  s.created_by = r.Text();
  s.cancelled_at = r.OptTime();
  if (s.cancelled_at) s.status = ShipmentStatus::kCancelled;  // stored as picking: see 0010
  s.cancel_reason = r.OptText();
  return s;
}

void LoadLines(store::Connection& conn, Shipment& s) {
  store::Query q(conn,
                 "SELECT order_line_id, line_no, item_id, quantity, quantity_shipped "
                 "FROM shipment_lines WHERE shipment_id = ? ORDER BY line_no",
                 s.id);
  while (q.Next()) {
    store::RowReader r(q);
    ShipmentLine l;
    l.order_line = r.Id<OrderLineId>();
    l.line_no = static_cast<int>(r.Int());
    l.item = r.Id<ItemId>();
    l.quantity = r.Int();
    l.quantity_shipped = r.Int();
    s.lines.push_back(std::move(l));
  }
}

}  // namespace

std::string NextShipmentNumber(store::Connection& conn) {
  return store::NextDocumentNumber(conn, "SH");
}

void InsertShipment(store::Connection& conn, Shipment& s) {
  {
    store::Query q(conn,
                   "INSERT INTO shipments (number, order_id, customer_id, warehouse_id, status, "
                   "carrier, service, tracking_number, packages, version, created_at, "
                   "shipped_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "RETURNING id",
                   s.number, s.order, s.customer, s.warehouse, StatusName(s.status), s.carrier,
                   s.service, s.tracking_number, PackagesText(s.packages), s.version, s.created_at,
                   s.shipped_at, s.created_by);
    q.Next();
    s.id = ShipmentId(q.Int(0));
  }
  for (const auto& l : s.lines) {
    store::Exec(conn,
                "INSERT INTO shipment_lines (shipment_id, order_line_id, item_id, line_no, "
                "quantity, quantity_shipped) VALUES (?, ?, ?, ?, ?, ?)",
                s.id, l.order_line, l.item, l.line_no, l.quantity, l.quantity_shipped);
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
  static const std::string sql = std::string(kHeaderSelect) + "WHERE id = ?";
  return store::FindOne(conn, sql, id, ReadHeader, [&](Shipment& s) { LoadLines(conn, s); });
}

std::optional<Shipment> LoadShipmentByNumber(store::Connection& conn, std::string_view number) {
  static const std::string sql = std::string(kHeaderSelect) + "WHERE number = ?";
  return store::FindOne(conn, sql, number, ReadHeader, [&](Shipment& s) { LoadLines(conn, s); });
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

std::map<std::pair<OrderLineId, WarehouseId>, int64_t> PickingQuantitiesOfOrder(
    store::Connection& conn, OrderId order) {
  store::Query q(conn,
                 "SELECT sl.order_line_id, s.warehouse_id, SUM(sl.quantity) FROM shipments s "
                 "JOIN shipment_lines sl ON sl.shipment_id = s.id "
                 "WHERE s.order_id = ? AND s.status = 'picking' AND s.cancelled_at IS NULL "
                 "GROUP BY sl.order_line_id, s.warehouse_id",
                 order);
  std::map<std::pair<OrderLineId, WarehouseId>, int64_t> out;
  while (q.Next()) out[{OrderLineId(q.Int(0)), WarehouseId(q.Int(1))}] = q.Int(2);
  return out;
}

std::vector<Shipment> ListShipments(store::Connection& conn, const ShipmentFilter& f,
                                    std::optional<ShipmentId> before, int limit) {
  static const std::string kList =
      std::string(kHeaderSelect) +
      "WHERE (? IS NULL OR (CASE WHEN cancelled_at IS NOT NULL THEN 'cancelled' "
      "ELSE status END) = ?) AND (? IS NULL OR order_id = ?) "
      "AND (? IS NULL OR warehouse_id = ?) AND (? IS NULL OR customer_id = ?) "
      "AND id < ? ORDER BY id DESC LIMIT ?";
  std::optional<std::string> status;
  if (f.status) status = std::string(StatusName(*f.status));
  std::vector<Shipment> out;
  {
    store::Query q(conn, kList, status, status, f.order, f.order, f.warehouse, f.warehouse,
                   f.customer, f.customer, before ? before->value() : INT64_MAX, limit);
    while (q.Next()) {
      store::RowReader r(q);
      out.push_back(ReadHeader(r));
    }
  }
  for (auto& s : out) LoadLines(conn, s);
  return out;
}

std::vector<OpenPickList> OpenPickLists(store::Connection& conn, WarehouseId warehouse,
                                        const std::vector<OrderId>& orders) {
  static const std::string sql =
      "SELECT s.id, s.order_id, s.number, "
      "(SELECT COUNT(*) FROM shipment_lines sl WHERE sl.shipment_id = s.id) FROM shipments s "
      "WHERE s.warehouse_id = ? AND s.status = 'picking' AND s.cancelled_at IS NULL "
      "AND s.order_id" +
      std::string(store::kInIdList) + " ORDER BY s.id";
  std::vector<OpenPickList> out;
  if (orders.empty()) return out;
  store::Query q(conn, sql, warehouse, store::IdListJson(orders));
  while (q.Next()) {
    store::RowReader r(q);
    OpenPickList p;
    p.id = r.Id<ShipmentId>();
    p.order = r.Id<OrderId>();
    p.number = r.Text();
    p.lines = static_cast<int>(r.Int());
    out.push_back(std::move(p));
  }
  return out;
}

std::unordered_map<ShipmentId, std::string> ShipmentNumbers(store::Connection& conn,
                                                            const std::vector<ShipmentId>& ids) {
  static const std::string sql =
      "SELECT id, number FROM shipments WHERE id" + std::string(store::kInIdList);
  return store::TextsById(conn, sql, ids);
}

int64_t CountShippedShipments(store::Connection& conn) {
  store::Query q(conn, "SELECT COUNT(*) FROM shipments WHERE status = 'shipped'");
  return q.Next() ? q.Int(0) : 0;
}

}  // namespace ordo::fulfillment
