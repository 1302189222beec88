#include "inventory/stock_queries.h"

#include <array>

#include "catalog/item_repository.h"
#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::inventory {

std::vector<WarehouseStock> StockByWarehouse(store::Connection& conn, ItemId item) {
  store::Query q(conn,
                 "SELECT w.code, COALESCE(s.on_hand, 0), COALESCE(s.allocated, 0) "
                 "FROM warehouses w "
                 "LEFT JOIN stock s ON s.warehouse_id = w.id AND s.item_id = ? "
                 "ORDER BY w.allocation_rank, w.id",
                 item);
  std::vector<WarehouseStock> out;
  while (q.Next()) out.push_back(WarehouseStock{q.Text(0), StockLevel{q.Int(1), q.Int(2)}});
  return out;
}

nlohmann::json AvailabilityJson(std::string_view sku, const std::vector<WarehouseStock>& stock) {
  nlohmann::json warehouses = nlohmann::json::array();
  int64_t total = 0;
  for (const auto& s : stock) {
    warehouses.push_back({{"warehouse", s.warehouse},
                          {"on_hand", s.level.on_hand},
                          {"allocated", s.level.allocated},
                          {"available", s.level.available()},
                          // No purchase orders exist yet; this becomes the open PO quantity.
                          {"on_order", 0}});
    total += s.level.available();
  }
  return {{"sku", sku}, {"warehouses", std::move(warehouses)}, {"total_available", total}};
}

StockLevel StockOf(store::Connection& conn, std::string_view sku, std::string_view warehouse_code) {
  auto item = catalog::FindItemBySku(conn, sku);
  if (!item) return StockLevel{};
  store::Query q(conn,
                 "SELECT s.on_hand, s.allocated FROM stock s "
                 "JOIN warehouses w ON w.id = s.warehouse_id "
                 "WHERE s.item_id = ? AND w.code = ?",
                 item->id, warehouse_code);
  if (!q.Next()) return StockLevel{};
  return StockLevel{q.Int(0), q.Int(1)};
}

namespace {

constexpr const char* kMovementColumns =
    "SELECT m.id, m.item_id, w.code, m.kind, m.quantity, m.reference, m.order_id, m.at ";
constexpr const char* kMovementJoins = "JOIN warehouses w ON w.id = m.warehouse_id ";

// One SQL text per combination of filters (bit 0: item, bit 1: warehouse), built once so each
// is prepared once per connection. Without an item the movements are walked by id. With one, its
// movements come from the batched item index up to through_id and from the movements' tail after
// it (movement_item_index.h), merged in id order in one statement; parameters: item, after,
// [warehouse,] after, after, item, [warehouse,] limit.
const std::string& MovementsSql(bool by_item, bool by_warehouse) {
  static const std::array<std::string, 4> texts = [] {
    std::array<std::string, 4> out;
    for (int i = 0; i < 4; ++i) {
      std::string sql = kMovementColumns;
      std::string warehouse = (i & 2) ? " AND warehouse_id = ?" : "";
      if (i & 1) {
        sql +=
            "FROM (SELECT movement_id AS id FROM stock_movements_by_item "
            "WHERE item_id = ? AND movement_id > ?" +
            warehouse +
            " UNION ALL SELECT id FROM stock_movements "
            "WHERE id > (SELECT CASE WHEN through_id > ? THEN through_id ELSE ? END "
            "FROM stock_movements_indexed) AND item_id = ?" +
            warehouse + " ORDER BY 1 LIMIT ?) x JOIN stock_movements m ON m.id = x.id ";
        sql += kMovementJoins;
        out[i] = sql + "ORDER BY m.id";
      } else {
        sql += "FROM stock_movements m ";
        sql += kMovementJoins;
        sql += "WHERE m.id > ?" + std::string(i & 2 ? " AND m.warehouse_id = ?" : "");
        out[i] = sql + " ORDER BY m.id LIMIT ?";
      }
    }
    return out;
  }();
  return texts[(by_item ? 1 : 0) | (by_warehouse ? 2 : 0)];
}

}  // namespace

std::vector<Movement> ListMovements(store::Connection& conn, const MovementFilter& filter,
                                    int64_t after_id, int limit) {
  store::Query q(conn, MovementsSql(filter.item.has_value(), filter.warehouse.has_value()));
  if (filter.item) {
    q.BindMore(*filter.item, after_id);
    if (filter.warehouse) q.BindMore(*filter.warehouse);
    q.BindMore(after_id, after_id, *filter.item);
    if (filter.warehouse) q.BindMore(*filter.warehouse);
  } else {
    q.BindMore(after_id);
    if (filter.warehouse) q.BindMore(*filter.warehouse);
  }
  q.BindMore(limit);
  std::vector<Movement> out;
  while (q.Next()) {
    store::RowReader r(q);
    Movement m;
    m.id = r.Id<MovementId>();
    m.item = r.Id<ItemId>();
    m.warehouse = r.Text();
    m.kind = r.Text();
    m.quantity = r.Int();
    m.reference = r.Text();
    m.order = r.OptId<OrderId>();
    m.at = r.Time();
    out.push_back(std::move(m));
  }
  return out;
}

nlohmann::json ToJson(const Movement& m) {
  return {{"id", m.id.value()},
          {"sku", m.sku},
          {"warehouse", m.warehouse},
          {"kind", m.kind},
          {"quantity", m.quantity},
          {"reference", m.reference},
          {"order", m.order ? nlohmann::json(m.order->value()) : nlohmann::json()},
          {"at", FormatRfc3339(m.at)}};
}

}  // namespace ordo::inventory
