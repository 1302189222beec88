#include "baseline_writer.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace ordo::bench {
namespace {

class Db {
 public:
  Db(const std::string& path, bool durable) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("open");
    Exec("PRAGMA journal_mode=WAL");
    Exec(durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF");
    Exec("PRAGMA foreign_keys=ON");
    Exec("PRAGMA cache_size=-65536");  // as Ordo's connections
  }
  ~Db() {
    for (auto* s : stmts_) sqlite3_finalize(s);
    sqlite3_close(db_);
  }
  void Exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite3_errmsg(db_));
    }
  }
  sqlite3_stmt* Prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &s, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sqlite3_errmsg(db_));
    }
    stmts_.push_back(s);
    return s;
  }
  void Step(sqlite3_stmt* s) {
    int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db_));
    sqlite3_reset(s);
  }
  int64_t StepId(sqlite3_stmt* s) {
    if (sqlite3_step(s) != SQLITE_ROW) throw std::runtime_error(sqlite3_errmsg(db_));
    int64_t id = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return id;
  }

 private:
  sqlite3* db_ = nullptr;
  std::vector<sqlite3_stmt*> stmts_;
};

}  // namespace

double RunFigures::Percentile(double p) const {
  if (latencies_ms.empty()) return 0;
  std::vector<double> v = latencies_ms;
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p / 100.0 * static_cast<double>(v.size() - 1));
  return v[i];
}

namespace {

RunFigures Run(const std::string& path, const std::vector<BaselineOrder>& orders,
               bool per_order_commit) {
  Db db(path, per_order_commit);
  auto* begin = db.Prepare("BEGIN IMMEDIATE");
  auto* commit = db.Prepare("COMMIT");
  auto* seq = db.Prepare(
      "UPDATE sequences SET next_value = next_value + 1 WHERE name = 'SO' "
      "RETURNING next_value - 1");
  auto* ins_order = db.Prepare(
      "INSERT INTO orders (number, customer_id, ship_to_id, channel, currency, subtotal, "
      "created_by, created_at, updated_at) VALUES (?, ?, ?, 'api', 'USD', 0, 'bench', 0, 0) "
      "RETURNING id");
  auto* ins_line = db.Prepare(
      "INSERT INTO order_lines (order_id, line_no, item_id, entered_quantity, entered_uom, "
      "quantity, unit_price, price_source, extended_amount) "
      "VALUES (?, ?, ?, ?, 'EA', ?, 10000, 'list', 0) RETURNING id");
  auto* upd_stock = db.Prepare(
      "UPDATE stock SET allocated = allocated + ? WHERE item_id = ? AND warehouse_id = 1 "
      "AND on_hand - allocated >= ?");
  auto* ins_alloc = db.Prepare(
      "INSERT INTO order_allocations (order_line_id, warehouse_id, quantity) VALUES (?, 1, ?)");
  auto* ins_move = db.Prepare(
      "INSERT INTO stock_movements (item_id, warehouse_id, kind, quantity, order_id, at) "
      "VALUES (?, 1, 'allocate', ?, ?, 0) RETURNING id");
  // The plain way to keep the movements' item index: a row per movement, as it is written.
  auto* ins_move_by_item = db.Prepare(
      "INSERT INTO stock_movements_by_item (item_id, movement_id, warehouse_id) VALUES (?, ?, 1)");
  auto* upd_indexed = db.Prepare("UPDATE stock_movements_indexed SET through_id = ?");
  auto* upd_balance = db.Prepare(
      "UPDATE customer_balances SET open_order_value = open_order_value + 1 "
      "WHERE customer_id = ?");
  auto* ins_audit = db.Prepare(
      "INSERT INTO audit_log (at, actor, action, entity, entity_id, after_json) "
      "VALUES (0, 'bench', 'order.place', 'order', ?, '{}')");
  auto* ins_event = db.Prepare(
      "INSERT INTO outbox_events (at, type, entity, entity_id, payload) "
      "VALUES (0, 'order.created', 'order', ?, '{}')");

  RunFigures fig;
  fig.latencies_ms.reserve(orders.size());
  auto start = std::chrono::steady_clock::now();
  if (!per_order_commit) db.Step(begin);
  for (const auto& o : orders) {
    auto t0 = std::chrono::steady_clock::now();
    if (per_order_commit) db.Step(begin);
    int64_t n = db.StepId(seq);
    std::string number = "SO-B" + std::to_string(n);
    sqlite3_bind_text(ins_order, 1, number.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins_order, 2, o.customer_id);
    sqlite3_bind_int64(ins_order, 3, o.customer_id);
    int64_t order_id = db.StepId(ins_order);
    int line_no = 0;
    int64_t newest_movement = 0;
    for (const auto& [item, qty] : o.lines) {
      sqlite3_bind_int64(ins_line, 1, order_id);
      sqlite3_bind_int64(ins_line, 2, ++line_no);
      sqlite3_bind_int64(ins_line, 3, item);
      sqlite3_bind_int64(ins_line, 4, qty);
      sqlite3_bind_int64(ins_line, 5, qty);
      int64_t line_id = db.StepId(ins_line);
      sqlite3_bind_int64(upd_stock, 1, qty);
      sqlite3_bind_int64(upd_stock, 2, item);
      sqlite3_bind_int64(upd_stock, 3, qty);
      db.Step(upd_stock);
      sqlite3_bind_int64(ins_alloc, 1, line_id);
      sqlite3_bind_int64(ins_alloc, 2, qty);
      db.Step(ins_alloc);
      sqlite3_bind_int64(ins_move, 1, item);
      sqlite3_bind_int64(ins_move, 2, qty);
      sqlite3_bind_int64(ins_move, 3, order_id);
      int64_t movement_id = db.StepId(ins_move);
      if (per_order_commit) {
        sqlite3_bind_int64(ins_move_by_item, 1, item);
        sqlite3_bind_int64(ins_move_by_item, 2, movement_id);
        db.Step(ins_move_by_item);
      }
      newest_movement = movement_id;
    }
    if (per_order_commit) {
      sqlite3_bind_int64(upd_indexed, 1, newest_movement);
      db.Step(upd_indexed);
    }
    sqlite3_bind_int64(upd_balance, 1, o.customer_id);
    db.Step(upd_balance);
    sqlite3_bind_int64(ins_audit, 1, order_id);
    db.Step(ins_audit);
    sqlite3_bind_int64(ins_event, 1, order_id);
    db.Step(ins_event);
    if (per_order_commit) db.Step(commit);
    fig.latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  if (!per_order_commit) {
    // The ceiling indexes its movements as Ordo does, in (item, id) order at once, so that it
    // does no more work for these rows than any design must.
    db.Exec(
        "INSERT INTO stock_movements_by_item (item_id, movement_id, warehouse_id) "
        "SELECT item_id, id, warehouse_id FROM stock_movements "
        "WHERE id > (SELECT through_id FROM stock_movements_indexed) ORDER BY item_id, id");
    db.Exec(
        "UPDATE stock_movements_indexed SET through_id = (SELECT MAX(id) FROM stock_movements)");
    db.Step(commit);
  }
  fig.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fig.orders = static_cast<int64_t>(orders.size());
  return fig;
}

}  // namespace

RunFigures RunBaseline(const std::string& path, const std::vector<BaselineOrder>& orders) {
  return Run(path, orders, true);
}

RunFigures RunRowWriteCeiling(const std::string& path, const std::vector<BaselineOrder>& orders) {
  return Run(path, orders, false);
}

}  // namespace ordo::bench
