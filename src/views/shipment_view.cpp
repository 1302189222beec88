#include "views/shipment_view.h"

#include <unordered_map>

#include "catalog/item_queries.h"
#include "inventory/warehouse_repository.h"
#include "orders/order_queries.h"
#include "views/name_of.h"

namespace ordo::views {
namespace {

std::optional<fulfillment::Shipment> Named(store::Connection& conn,
                                           std::optional<fulfillment::Shipment> found) {
  if (!found) return found;
  std::vector<fulfillment::Shipment> one;
  one.push_back(std::move(*found));
  NameShipments(conn, one);
  return std::move(one.front());
}

}  // namespace

void NameShipments(store::Connection& conn, std::vector<fulfillment::Shipment>& shipments) {
  if (shipments.empty()) return;
  std::vector<OrderId> orders;
  std::vector<ItemId> items;
  for (const auto& s : shipments) {
    orders.push_back(s.order);
    for (const auto& l : s.lines) items.push_back(l.item);
  }
  auto numbers = orders::OrderNumbers(conn, orders);
  auto skus = catalog::SkusOf(conn, items);
  std::unordered_map<WarehouseId, std::string> codes;
  for (auto& w : inventory::ListWarehouses(conn)) codes.emplace(w.id, std::move(w.code));
  for (auto& s : shipments) {
    s.order_number = NameOf(numbers, s.order);
    s.warehouse_code = NameOf(codes, s.warehouse);
    for (auto& l : s.lines) l.sku = NameOf(skus, l.item);
  }
}

std::optional<fulfillment::Shipment> LoadShipment(store::Connection& conn, ShipmentId id) {
  return Named(conn, fulfillment::LoadShipment(conn, id));
}

std::optional<fulfillment::Shipment> LoadShipmentByNumber(store::Connection& conn,
                                                          std::string_view number) {
  return Named(conn, fulfillment::LoadShipmentByNumber(conn, number));
}

std::vector<fulfillment::Shipment> ListShipments(store::Connection& conn,
                                                 const fulfillment::ShipmentFilter& filter,
                                                 std::optional<ShipmentId> before, int limit) {
  auto rows = fulfillment::ListShipments(conn, filter, before, limit);
  NameShipments(conn, rows);
  return rows;
}

}  // namespace ordo::views
