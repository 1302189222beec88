#include "inventory/stock_movements.h"

#include <algorithm>
#include <cstdint>

#include "inventory/movement_item_index.h"
#include "store/query.h"

namespace ordo::inventory {
namespace {

void WriteMovement(store::Connection& conn, const CommandContext& ctx, ItemId item,
                   WarehouseId warehouse, std::string_view kind, int64_t quantity,
                   std::string_view reference, std::optional<OrderId> order) {
  int64_t id = 0;
  {
    store::Query q(conn,
                   "INSERT INTO stock_movements (item_id, warehouse_id, kind, quantity, reference, "
                   "order_id, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   item, warehouse, kind, quantity, reference, order, ctx.actor, ctx.now);
    if (q.Next()) id = q.Int(0);
  }
  NoteMovementsWritten(conn, id);
}

}  // namespace

Status ChangeOnHand(store::Connection& conn, const CommandContext& ctx, ItemId item,
                    WarehouseId warehouse, int64_t quantity, std::string_view kind,
                    std::string_view reference) {
  store::Exec(conn,
              "INSERT INTO stock (item_id, warehouse_id, on_hand, allocated) VALUES (?, ?, 0, 0) "
              "ON CONFLICT (item_id, warehouse_id) DO NOTHING",
              item, warehouse);
  int64_t changed = store::Exec(conn,
                                "UPDATE stock SET on_hand = on_hand + ? "
                                "WHERE item_id = ? AND warehouse_id = ? "
                                "AND on_hand + ? >= allocated",
                                quantity, item, warehouse, quantity);
  if (changed != 1) {
    return Status(ErrorCode::kInsufficientStock,
                  "on hand cannot fall below zero or below what is allocated");
  }
  WriteMovement(conn, ctx, item, warehouse, kind, quantity, reference, std::nullopt);
  return Status::Ok();
}

std::vector<Available> AvailableStock(store::Connection& conn, ItemId item) {
  store::Query q(conn, "SELECT warehouse_id, on_hand - allocated FROM stock WHERE item_id = ?",
                 item);
  std::vector<Available> out;
  while (q.Next()) out.push_back(Available{WarehouseId(q.Int(0)), q.Int(1)});
  return out;
}

bool TryReserve(store::Connection& conn, ItemId item, WarehouseId warehouse, int64_t quantity) {
  return store::Exec(conn,
                     "UPDATE stock SET allocated = allocated + ? "
                     "WHERE item_id = ? AND warehouse_id = ? AND on_hand - allocated >= ?",
                     quantity, item, warehouse, quantity) == 1;
}

void RecordAllocations(store::Connection& conn, const CommandContext& ctx,
                       const std::vector<StockChange>& changes, OrderId order) {
  if (changes.empty()) return;
  static store::MultiRowSql insert(
      "INSERT INTO stock_movements (item_id, warehouse_id, kind, quantity, reference, order_id, "
      "actor, at) VALUES",
      "(?, ?, 'allocate', ?, '', ?, ?, ?)", "RETURNING id");
  int64_t newest = 0;
  {
    store::Query q(conn, insert.ForRows(changes.size()));
    for (const auto& c : changes) {
      q.BindMore(c.item, c.warehouse, c.quantity, order, ctx.actor, ctx.now);
    }
    while (q.Next()) newest = std::max(newest, q.Int(0));
  }
  NoteMovementsWritten(conn, newest);
}

Status Allocate(store::Connection& conn, const CommandContext& ctx,
                const std::vector<StockChange>& changes, OrderId order) {
  if (changes.empty()) return Status::Ok();
  // Stock rows are always updated in (item, warehouse) order, so that concurrent writers on a
  // server database can never deadlock on them.
  std::vector<const StockChange*> ordered;
  for (const auto& c : changes) ordered.push_back(&c);
  std::sort(ordered.begin(), ordered.end(), [](const StockChange* a, const StockChange* b) {
    return std::make_pair(a->item, a->warehouse) < std::make_pair(b->item, b->warehouse);
  });
  for (const StockChange* c : ordered) {
    if (!TryReserve(conn, c->item, c->warehouse, c->quantity)) {
      return Status(ErrorCode::kInsufficientStock, "not enough stock available to allocate");
    }
  }
  RecordAllocations(conn, ctx, changes, order);
  return Status::Ok();
}

void Deallocate(store::Connection& conn, const CommandContext& ctx, ItemId item,
                WarehouseId warehouse, int64_t quantity, OrderId order) {
  store::Exec(conn,
              "UPDATE stock SET allocated = allocated - ? WHERE item_id = ? AND warehouse_id = ?",
              quantity, item, warehouse);
  WriteMovement(conn, ctx, item, warehouse, "deallocate", -quantity, "", order);
}

Status Ship(store::Connection& conn, const CommandContext& ctx, ItemId item, WarehouseId warehouse,
            int64_t quantity, OrderId order, std::string_view reference) {
  int64_t changed = store::Exec(conn,
                                "UPDATE stock SET on_hand = on_hand - ?, allocated = allocated - ? "
                                "WHERE item_id = ? AND warehouse_id = ? AND allocated >= ?",
                                quantity, quantity, item, warehouse, quantity);
  if (changed != 1) {
    return Status(ErrorCode::kInsufficientStock, "less than the quantity to ship is allocated");
  }
  WriteMovement(conn, ctx, item, warehouse, "ship", -quantity, reference, order);
  return Status::Ok();
}

}  // namespace ordo::inventory
