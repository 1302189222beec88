#include "inventory/movement_item_index.h"

#include "store/query.h"

namespace ordo::inventory {

void IndexMovementTail(store::Connection& conn) {
  int64_t through = 0;
  {
    store::Query q(conn, "SELECT through_id FROM stock_movements_indexed");
    if (q.Next()) through = q.Int(0);
  }
  int64_t newest = 0;
  {
    store::Query q(conn, "SELECT COALESCE(MAX(id), 0) FROM stock_movements");
    if (q.Next()) newest = q.Int(0);
  }
  if (newest <= through) return;
  // In index order, so that each page of the index is visited once.
  store::Exec(conn,
              "INSERT INTO stock_movements_by_item (item_id, movement_id, warehouse_id) "
              "SELECT item_id, id, warehouse_id FROM stock_movements "
              "WHERE id > ? AND id <= ? ORDER BY item_id, id",
              through, newest);
  store::Exec(conn, "UPDATE stock_movements_indexed SET through_id = ?", newest);
}

void NoteMovementsWritten(store::Connection& conn, int64_t newest_id) {
  bool full = false;
  {
    store::Query q(conn, "SELECT through_id, batch FROM stock_movements_indexed");
    full = q.Next() && newest_id - q.Int(0) >= q.Int(1);
  }
  if (full) IndexMovementTail(conn);
}

}  // namespace ordo::inventory
