// Stock: levels never negative nor over-allocated, and explained by the movements; the
// movements' item index holds exactly what it should.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "store/query.h"
#include "support/invariant_checks.h"

namespace ordo::test_support {
namespace {

using Key = std::pair<int64_t, int64_t>;  // (item_id, warehouse_id)

std::string KeyText(const Key& k) {
  return "(item " + std::to_string(k.first) + ", warehouse " + std::to_string(k.second) + ")";
}

std::map<Key, int64_t> SumBy(store::Connection& conn, std::string_view sql) {
  std::map<Key, int64_t> out;
  store::Query q(conn, sql);
  while (q.Next()) out[{q.Int(0), q.Int(1)}] = q.Int(2);
  return out;
}

}  // namespace

void CheckStock(store::Connection& conn, Violations& v) {
  std::map<Key, std::pair<int64_t, int64_t>> stock;
  {
    store::Query q(conn, "SELECT item_id, warehouse_id, on_hand, allocated FROM stock");
    while (q.Next()) stock[{q.Int(0), q.Int(1)}] = {q.Int(2), q.Int(3)};
  }
  for (const auto& [k, s] : stock) {
    if (s.first < 0)
      v.push_back("stock " + KeyText(k) + " has negative on_hand " + std::to_string(s.first));
    if (s.second < 0)
      v.push_back("stock " + KeyText(k) + " has negative allocated " + std::to_string(s.second));
    if (s.second > s.first) {
      v.push_back("stock " + KeyText(k) + " has allocated " + std::to_string(s.second) +
                  " > on_hand " + std::to_string(s.first));
    }
  }

  auto compare = [&](const std::map<Key, int64_t>& sums, bool on_hand, const std::string& what) {
    std::set<Key> keys;
    for (const auto& [k, _] : stock) keys.insert(k);
    for (const auto& [k, _] : sums) keys.insert(k);
    for (const auto& k : keys) {
      auto s = stock.find(k);
      int64_t have = s == stock.end() ? 0 : (on_hand ? s->second.first : s->second.second);
      auto m = sums.find(k);
      int64_t want = m == sums.end() ? 0 : m->second;
      if (have != want) {
        v.push_back(std::string("stock ") + KeyText(k) + (on_hand ? " on_hand " : " allocated ") +
                    std::to_string(have) + " != " + what + " " + std::to_string(want));
      }
    }
  };
  compare(SumBy(conn,
                "SELECT l.item_id, a.warehouse_id, SUM(a.quantity) FROM order_allocations a "
                "JOIN order_lines l ON l.id = a.order_line_id GROUP BY l.item_id, a.warehouse_id"),
          false, "SUM(order_allocations)");
  compare(SumBy(conn,
                "SELECT item_id, warehouse_id, SUM(quantity) FROM stock_movements "
                "WHERE kind IN ('receipt', 'adjustment', 'ship', 'return') "
                "GROUP BY item_id, warehouse_id"),
          true, "SUM(receipt + adjustment + ship + return movements)");
  compare(SumBy(conn,
                "SELECT item_id, warehouse_id, SUM(quantity) FROM stock_movements "
                "WHERE kind IN ('allocate', 'deallocate', 'ship') GROUP BY item_id, warehouse_id"),
          false, "SUM(allocate + deallocate + ship movements)");

  store::Query q(conn,
                 "SELECT id, kind FROM stock_movements WHERE kind NOT IN "
                 "('receipt', 'adjustment', 'allocate', 'deallocate', 'ship', 'return')");
  while (q.Next()) {
    v.push_back("stock movement " + std::to_string(q.Int(0)) + " has unknown kind '" + q.Text(1) +
                "'");
  }
}

// The movements' item index (inventory/movement_item_index.h) holds exactly the movements up to
// through_id, each under its own item and warehouse, and through_id is not past the last movement.
void CheckMovementItemIndex(store::Connection& conn, Violations& v) {
  int64_t through = -1;
  {
    store::Query q(conn, "SELECT through_id FROM stock_movements_indexed");
    if (q.Next()) through = q.Int(0);
    if (q.Next()) v.push_back("stock_movements_indexed has more than one row");
  }
  if (through < 0) {
    v.push_back("stock_movements_indexed has no row");
    return;
  }
  store::Query missing(conn,
                       "SELECT m.id FROM stock_movements m WHERE m.id <= ? AND NOT EXISTS "
                       "(SELECT 1 FROM stock_movements_by_item x WHERE x.item_id = m.item_id "
                       "AND x.movement_id = m.id AND x.warehouse_id = m.warehouse_id)",
                       through);
  while (missing.Next()) {
    v.push_back("stock movement " + std::to_string(missing.Int(0)) + " is at or below through_id " +
                std::to_string(through) +
                " but not in the item index under its item and warehouse");
  }
  store::Query extra(conn,
                     "SELECT x.movement_id FROM stock_movements_by_item x WHERE x.movement_id > ? "
                     "OR NOT EXISTS (SELECT 1 FROM stock_movements m WHERE m.id = x.movement_id "
                     "AND m.item_id = x.item_id AND m.warehouse_id = x.warehouse_id)",
                     through);
  while (extra.Next()) {
    v.push_back("the item index holds movement " + std::to_string(extra.Int(0)) +
                ", which is past through_id " + std::to_string(through) +
                " or not a movement of that item and warehouse");
  }
  store::Query newest(conn, "SELECT COALESCE(MAX(id), 0) FROM stock_movements");
  if (newest.Next() && newest.Int(0) < through) {
    v.push_back("through_id " + std::to_string(through) + " is past the newest movement " +
                std::to_string(newest.Int(0)));
  }
}

}  // namespace ordo::test_support
