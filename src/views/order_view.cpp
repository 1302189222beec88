#include "views/order_view.h"

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

#include "catalog/item_queries.h"
#include "configurator/configurator_repository.h"
#include "configurator/model_json.h"
#include "customers/customer_queries.h"
#include "inventory/warehouse_repository.h"
#include "orders/order_repository.h"
#include "views/name_of.h"

namespace ordo::views {
void NameOrder(store::Connection& conn, orders::Order& order) {
  order.customer_code = NameOf(customers::CustomerCodes(conn, {order.customer}), order.customer);
  order.ship_to_code = NameOf(customers::ShipToCodes(conn, {order.ship_to}), order.ship_to);
  std::vector<ItemId> items;
  for (const auto& l : order.lines) items.push_back(l.item);
  auto skus = catalog::SkusOf(conn, items);
  // Every warehouse, by rank then id: a position in this list is the allocation's place.
  std::vector<inventory::Warehouse> warehouses = inventory::ListWarehouses(conn);
  std::unordered_map<WarehouseId, size_t> place;
  for (size_t i = 0; i < warehouses.size(); ++i) place.emplace(warehouses[i].id, i);
  auto place_of = [&](WarehouseId id) {
    auto it = place.find(id);
    return it == place.end() ? warehouses.size() : it->second;
  };
  auto configured = configurator::LineConfigurations(conn, order.id.value());
  for (auto& l : order.lines) {
    l.sku = NameOf(skus, l.item);
    if (auto c = configured.find(l.line_no); c != configured.end()) {
      l.configuration = configurator::LineConfigurationJson(c->second);
    }
    for (auto& a : l.allocations) {
      size_t at = place_of(a.warehouse);
      a.warehouse_code = at < warehouses.size() ? warehouses[at].code : std::string();
    }
    std::stable_sort(l.allocations.begin(), l.allocations.end(), [&](const auto& a, const auto& b) {
      return place_of(a.warehouse) < place_of(b.warehouse);
    });
  }
}

std::optional<orders::Order> LoadOrder(store::Connection& conn, OrderId id) {
  auto order = orders::LoadOrder(conn, id);
  if (order) NameOrder(conn, *order);
  return order;
}

std::optional<orders::Order> LoadOrderByNumber(store::Connection& conn, std::string_view number) {
  auto order = orders::LoadOrderByNumber(conn, number);
  if (order) NameOrder(conn, *order);
  return order;
}

}  // namespace ordo::views
