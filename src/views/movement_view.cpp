#include "views/movement_view.h"

#include "catalog/item_queries.h"

namespace ordo::views {

std::vector<inventory::Movement> ListMovements(store::Connection& conn,
                                               const inventory::MovementFilter& filter,
                                               int64_t after_id, int limit) {
  std::vector<inventory::Movement> rows = inventory::ListMovements(conn, filter, after_id, limit);
  std::vector<ItemId> items;
  for (const auto& m : rows) items.push_back(m.item);
  auto skus = catalog::SkusOf(conn, items);
  for (auto& m : rows) {
    if (auto it = skus.find(m.item); it != skus.end()) m.sku = it->second;
  }
  return rows;
}

}  // namespace ordo::views
