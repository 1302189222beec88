#include "support/invariants.h"

#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/ids.h"
#include "core/money.h"
#include "orders/order.h"
#include "orders/order_repository.h"
#include "pricing/price_resolution.h"
#include "store/query.h"

namespace ordo::test_support {
namespace {

using Key = std::pair<int64_t, int64_t>;  // (item_id, warehouse_id)

std::string KeyText(const Key& k) {
  return "(item " + std::to_string(k.first) + ", warehouse " + std::to_string(k.second) + ")";
}

// A read snapshot for the checks, unless the caller already runs a transaction.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(store::Connection& conn) : conn_(conn) {
    if (!conn_.InTransaction()) {
      conn_.Execute("BEGIN DEFERRED");
      owned_ = true;
    }
  }
  ~ReadSnapshot() {
    if (!owned_) return;
    try {
      conn_.Rollback();
    } catch (...) {
    }
  }

 private:
  store::Connection& conn_;
  bool owned_ = false;
};

std::map<Key, int64_t> SumBy(store::Connection& conn, std::string_view sql) {
  std::map<Key, int64_t> out;
  store::Query q(conn, sql);
  while (q.Next()) out[{q.Int(0), q.Int(1)}] = q.Int(2);
  return out;
}

void CheckStock(store::Connection& conn, std::vector<std::string>& v) {
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

void CheckCredit(store::Connection& conn, std::vector<std::string>& v) {
  std::map<int64_t, Money> expected;
  {
    store::Query q(conn,
                   "SELECT o.customer_id, o.currency, l.unit_price, l.quantity, "
                   "l.quantity_cancelled, l.quantity_invoiced "
                   "FROM order_lines l JOIN orders o ON o.id = l.order_id");
    while (q.Next()) {
      Currency currency = FindCurrency(q.Text(1)).value_or(kUsd);
      expected[q.Int(0)] +=
          pricing::ExtendedAmount(q.Amount(2), q.Int(3) - q.Int(4) - q.Int(5), currency);
    }
  }
  store::Query q(conn, "SELECT customer_id, open_order_value FROM customer_balances");
  std::set<int64_t> seen;
  while (q.Next()) {
    seen.insert(q.Int(0));
    Money want = expected.count(q.Int(0)) ? expected[q.Int(0)] : Money();
    if (q.Amount(1) != want) {
      v.push_back("customer " + std::to_string(q.Int(0)) + " open_order_value " +
                  q.Amount(1).Format(4) + " != recomputed " + want.Format(4));
    }
  }
  for (const auto& [customer, value] : expected) {
    if (!seen.count(customer)) {
      v.push_back("customer " + std::to_string(customer) + " has orders (open value " +
                  value.Format(4) + ") but no customer_balances row");
    }
  }
}

void CheckOrders(store::Connection& conn, std::vector<std::string>& v) {
  struct OrderRow {
    std::string number;
    std::string currency;
    Money subtotal;
  };
  std::map<int64_t, OrderRow> orders;
  {
    store::Query q(conn, "SELECT id, number, currency, subtotal FROM orders ORDER BY id");
    while (q.Next()) orders[q.Int(0)] = {q.Text(1), q.Text(2), q.Amount(3)};
  }
  std::map<int64_t, int64_t> line_count;
  std::map<int64_t, Money> line_sum;
  {
    store::Query q(conn,
                   "SELECT order_id, id, unit_price, quantity, extended_amount FROM order_lines");
    while (q.Next()) {
      int64_t order = q.Int(0);
      line_count[order]++;
      line_sum[order] += q.Amount(4);
      auto o = orders.find(order);
      Currency currency =
          o == orders.end() ? kUsd : FindCurrency(o->second.currency).value_or(kUsd);
      Money want = pricing::ExtendedAmount(q.Amount(2), q.Int(3), currency);
      if (q.Amount(4) != want) {
        v.push_back("order line " + std::to_string(q.Int(1)) + " extended_amount " +
                    q.Amount(4).Format(4) + " != unit_price * quantity " + want.Format(4));
      }
      if (o == orders.end()) {
        v.push_back("order line " + std::to_string(q.Int(1)) + " belongs to no order");
      }
    }
  }
  std::set<int64_t> placed;
  {
    store::Query q(conn,
                   "SELECT DISTINCT entity_id FROM audit_log "
                   "WHERE entity = 'order' AND action = 'order.place'");
    while (q.Next()) placed.insert(q.Int(0));
  }
  std::set<int64_t> numbers;
  for (const auto& [id, o] : orders) {
    if (line_count[id] == 0) v.push_back("order " + o.number + " has no lines");
    if (!placed.count(id)) v.push_back("order " + o.number + " has no 'order.place' audit row");
    if (line_sum[id] != o.subtotal) {
      v.push_back("order " + o.number + " subtotal " + o.subtotal.Format(4) +
                  " != SUM(extended_amount) " + line_sum[id].Format(4));
    }
    auto n = ParseDocumentNumber(o.number, "SO");
    if (!n) {
      v.push_back("order " + std::to_string(id) + " has malformed number '" + o.number + "'");
    } else {
      numbers.insert(*n);
    }
  }
  int64_t expected = 1;
  for (int64_t n : numbers) {
    if (n != expected) {
      v.push_back("order numbers have a gap: expected " + FormatDocumentNumber("SO", expected) +
                  ", found " + FormatDocumentNumber("SO", n));
      break;
    }
    ++expected;
  }
  {
    store::Query q(conn, "SELECT next_value FROM sequences WHERE name = 'SO'");
    if (!q.Next()) {
      v.push_back("sequence SO is missing");
    } else if (q.Int(0) != static_cast<int64_t>(numbers.size()) + 1) {
      v.push_back("sequence SO is at " + std::to_string(q.Int(0)) + " with " +
                  std::to_string(numbers.size()) + " orders");
    }
  }
  {
    store::Query q(conn,
                   "SELECT l.id, l.quantity - l.quantity_shipped - l.quantity_cancelled, "
                   "SUM(a.quantity) FROM order_lines l "
                   "JOIN order_allocations a ON a.order_line_id = l.id GROUP BY l.id "
                   "HAVING SUM(a.quantity) > l.quantity - l.quantity_shipped - "
                   "l.quantity_cancelled");
    while (q.Next()) {
      v.push_back("order line " + std::to_string(q.Int(0)) + " has " + std::to_string(q.Int(2)) +
                  " allocated but only " + std::to_string(q.Int(1)) + " open");
    }
  }
  store::Query q(conn,
                 "SELECT DISTINCT o.number FROM orders o "
                 "JOIN order_holds h ON h.order_id = o.id AND h.released_at IS NULL "
                 "JOIN order_lines l ON l.order_id = o.id "
                 "JOIN order_allocations a ON a.order_line_id = l.id");
  while (q.Next()) v.push_back("order " + q.Text(0) + " is on hold but has allocations");
}

// orders.status is what DeriveStatus() makes of the stored lines, allocations and holds.
void CheckStoredStatus(store::Connection& conn, std::vector<std::string>& v) {
  std::vector<std::pair<int64_t, std::string>> stored;
  {
    store::Query q(conn, "SELECT id, status FROM orders ORDER BY id");
    while (q.Next()) stored.emplace_back(q.Int(0), q.Text(1));
  }
  for (const auto& [id, status] : stored) {
    std::optional<orders::Order> order = orders::LoadOrder(conn, OrderId(id));
    if (!order) continue;  // a header the repository cannot read: the checks above report it
    std::string_view derived = orders::StatusName(orders::DeriveStatus(*order));
    if (status != derived) {
      v.push_back("order " + order->number + " has stored status '" + status +
                  "' but its lines and holds make it '" + std::string(derived) + "'");
    }
  }
}

// order_lines.awaiting_stock is set exactly for the lines whose open quantity is more than is
// allocated to them: backorder release finds the lines to serve through it.
void CheckAwaitingStock(store::Connection& conn, std::vector<std::string>& v) {
  store::Query q(conn,
                 "SELECT o.number, l.line_no, l.awaiting_stock FROM order_lines l "
                 "JOIN orders o ON o.id = l.order_id "
                 "WHERE l.awaiting_stock != (l.quantity - l.quantity_shipped - "
                 "l.quantity_cancelled > COALESCE((SELECT SUM(a.quantity) FROM order_allocations "
                 "a WHERE a.order_line_id = l.id), 0))");
  while (q.Next()) {
    v.push_back("order " + q.Text(0) + " line " + std::to_string(q.Int(1)) +
                " has awaiting_stock " + std::to_string(q.Int(2)) +
                " but its quantities and allocations say otherwise");
  }
}

// The ledger's item index (inventory/movement_item_index.h) holds exactly the movements up to
// through_id, each under its own item and warehouse, and through_id is not past the ledger.
void CheckMovementItemIndex(store::Connection& conn, std::vector<std::string>& v) {
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

// Shipped quantities agree with confirmed shipments, and shipment numbers have no gaps.
// Numbers PREFIX-000001..PREFIX-N in `table` without gaps, and the sequence at N + 1.
void CheckNumbering(store::Connection& conn, const std::string& table, const std::string& noun,
                    const std::string& prefix, std::vector<std::string>& v) {
  std::set<int64_t> numbers;
  {
    // The table name is one of the callers' constants, never input.
    const std::string sql = "SELECT id, number FROM " + table;
    store::Query q(conn, sql);
    while (q.Next()) {
      auto n = ParseDocumentNumber(q.Text(1), prefix);
      if (!n) {
        v.push_back(noun + " " + std::to_string(q.Int(0)) + " has malformed number '" + q.Text(1) +
                    "'");
      } else {
        numbers.insert(*n);
      }
    }
  }
  int64_t expected = 1;
  for (int64_t n : numbers) {
    if (n != expected) {
      v.push_back(noun + " numbers have a gap: expected " + FormatDocumentNumber(prefix, expected) +
                  ", found " + FormatDocumentNumber(prefix, n));
      break;
    }
    ++expected;
  }
  store::Query q(conn, "SELECT next_value FROM sequences WHERE name = ?", prefix);
  if (!q.Next()) {
    v.push_back("sequence " + prefix + " is missing");
  } else if (q.Int(0) != static_cast<int64_t>(numbers.size()) + 1) {
    v.push_back("sequence " + prefix + " is at " + std::to_string(q.Int(0)) + " with " +
                std::to_string(numbers.size()) + " " + table);
  }
}

void CheckShipments(store::Connection& conn, std::vector<std::string>& v) {
  {
    store::Query q(conn,
                   "SELECT l.id, l.quantity, l.quantity_shipped, l.quantity_cancelled, "
                   "COALESCE((SELECT SUM(sl.quantity_shipped) FROM shipment_lines sl "
                   "JOIN shipments s ON s.id = sl.shipment_id "
                   "WHERE sl.order_line_id = l.id AND s.status = 'shipped'), 0) "
                   "FROM order_lines l");
    while (q.Next()) {
      std::string line = "order line " + std::to_string(q.Int(0));
      if (q.Int(2) != q.Int(4)) {
        v.push_back(line + " quantity_shipped " + std::to_string(q.Int(2)) +
                    " != SUM(confirmed shipment lines) " + std::to_string(q.Int(4)));
      }
      if (q.Int(2) + q.Int(3) > q.Int(1)) {
        v.push_back(line + " shipped " + std::to_string(q.Int(2)) + " + cancelled " +
                    std::to_string(q.Int(3)) + " > quantity " + std::to_string(q.Int(1)));
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT s.number, l.line_no FROM shipment_lines sl "
                   "JOIN shipments s ON s.id = sl.shipment_id "
                   "JOIN order_lines l ON l.id = sl.order_line_id "
                   "WHERE l.order_id <> s.order_id OR l.line_no <> sl.line_no "
                   "OR (s.status = 'picking' AND sl.quantity_shipped <> 0)");
    while (q.Next()) {
      v.push_back("shipment " + q.Text(0) + " line " + std::to_string(q.Int(1)) +
                  " does not match its order line or is shipped while picking");
    }
  }
  CheckNumbering(conn, "shipments", "shipment", "SH", v);
}

void CheckInvoices(store::Connection& conn, std::vector<std::string>& v) {
  {
    store::Query q(conn,
                   "SELECT v.number, v.subtotal, v.tax, v.currency, v.status, "
                   "v.total - v.amount_paid - v.discount_taken - v.amount_credited, "
                   "COALESCE(SUM(l.extended_amount), 0), COALESCE(SUM(l.tax_amount), 0), "
                   "COUNT(l.line_no) "
                   "FROM invoices v LEFT JOIN invoice_lines l ON l.invoice_id = v.id "
                   "GROUP BY v.id");
    while (q.Next()) {
      std::string inv = "invoice " + q.Text(0);
      if (q.Int(8) == 0) v.push_back(inv + " has no lines");
      if (q.Int(1) != q.Int(6)) v.push_back(inv + " subtotal != SUM(line extended amounts)");
      if (q.Int(2) != q.Int(7)) v.push_back(inv + " tax != SUM(line tax)");
      bool settled = q.Int(5) == 0;
      if (q.Text(4) != "void" && settled != (q.Text(4) == "paid")) {
        v.push_back(inv + " has status " + q.Text(4) + " with balance " +
                    Money::FromUnits(q.Int(5)).Format());
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT v.number, l.line_no, l.unit_price, l.quantity, l.extended_amount, "
                   "v.currency FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id");
    while (q.Next()) {
      Currency c = FindCurrency(q.Text(5)).value_or(kUsd);
      if (pricing::ExtendedAmount(q.Amount(2), q.Int(3), c) != q.Amount(4)) {
        v.push_back("invoice " + q.Text(0) + " line " + std::to_string(q.Int(1)) +
                    " extended_amount != unit_price x quantity");
      }
    }
  }
  {
    // Invoicing happens on shipment: every line is invoiced for exactly what shipped.
    store::Query q(conn,
                   "SELECT l.id, l.quantity_invoiced, l.quantity_shipped, "
                   "COALESCE((SELECT SUM(il.quantity) FROM invoice_lines il "
                   "WHERE il.order_line_id = l.id), 0) FROM order_lines l");
    while (q.Next()) {
      std::string line = "order line " + std::to_string(q.Int(0));
      if (q.Int(1) != q.Int(3)) {
        v.push_back(line + " quantity_invoiced " + std::to_string(q.Int(1)) +
                    " != SUM(invoice lines) " + std::to_string(q.Int(3)));
      }
      if (q.Int(1) != q.Int(2)) {
        v.push_back(line + " invoiced " + std::to_string(q.Int(1)) + " != shipped " +
                    std::to_string(q.Int(2)));
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT s.number, (SELECT COUNT(*) FROM invoices v WHERE v.shipment_id = s.id) "
                   "FROM shipments s WHERE s.status = 'shipped'");
    while (q.Next()) {
      if (q.Int(1) != 1) {
        v.push_back("shipment " + q.Text(0) + " has " + std::to_string(q.Int(1)) + " invoices");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT v.number, v.amount_credited, COALESCE((SELECT SUM(a.amount) FROM "
                   "credit_memo_applications a WHERE a.invoice_id = v.id), 0) FROM invoices v");
    while (q.Next()) {
      if (q.Int(1) != q.Int(2)) {
        v.push_back("invoice " + q.Text(0) + " amount_credited " +
                    Money::FromUnits(q.Int(1)).Format() + " != SUM(credit memo applications) " +
                    Money::FromUnits(q.Int(2)).Format());
      }
    }
  }
  CheckNumbering(conn, "invoices", "invoice", "IN", v);
}

void CheckLedger(store::Connection& conn, std::vector<std::string>& v) {
  {
    store::Query q(conn,
                   "SELECT e.id, e.kind, COALESCE(SUM(l.debit), 0), COALESCE(SUM(l.credit), 0) "
                   "FROM journal_entries e LEFT JOIN journal_lines l ON l.entry_id = e.id "
                   "GROUP BY e.id");
    while (q.Next()) {
      if (q.Int(2) != q.Int(3) || q.Int(2) == 0) {
        v.push_back("journal entry " + std::to_string(q.Int(0)) + " (" + q.Text(1) + ") debits " +
                    Money::FromUnits(q.Int(2)).Format() + " != credits " +
                    Money::FromUnits(q.Int(3)).Format());
      }
    }
  }
  {
    // The receivables sub-ledger of each customer is what its invoices still owe less its
    // unapplied cash and what its credit memos still owe it, and
    // customer_balances.open_receivables is that same figure.
    store::Query q(conn,
                   "SELECT c.id, "
                   "COALESCE((SELECT SUM(l.debit) - SUM(l.credit) FROM journal_lines l "
                   "WHERE l.account = '1100' AND l.customer_id = c.id), 0), "
                   "COALESCE((SELECT SUM(v.total - v.amount_paid - v.discount_taken - "
                   "v.amount_credited) FROM invoices v WHERE v.customer_id = c.id "
                   "AND v.status <> 'void'), 0), "
                   "COALESCE((SELECT SUM(p.amount - p.amount_applied) FROM payments p "
                   "WHERE p.customer_id = c.id), 0), "
                   "COALESCE((SELECT b.open_receivables FROM customer_balances b "
                   "WHERE b.customer_id = c.id), 0), "
                   "COALESCE((SELECT SUM(m.total - m.amount_applied - m.amount_refunded) "
                   "FROM credit_memos m WHERE m.customer_id = c.id), 0) FROM customers c");
    while (q.Next()) {
      std::string who = "customer " + std::to_string(q.Int(0));
      Money ledger = q.Amount(1);
      Money owed = q.Amount(2) - q.Amount(3) - q.Amount(5);
      if (ledger != owed) {
        v.push_back(who + " receivables ledger " + ledger.Format() +
                    " != open invoice balances - unapplied cash - credit memo balances " +
                    owed.Format());
      }
      if (q.Amount(4) != ledger) {
        v.push_back(who + " open_receivables " + q.Amount(4).Format() + " != receivables ledger " +
                    ledger.Format());
      }
    }
  }
  store::Query q(conn,
                 "SELECT COUNT(*) FROM journal_lines WHERE account = '1100' AND "
                 "customer_id IS NULL");
  if (q.Next() && q.Int(0) != 0) v.push_back("receivables lines without a customer");
}

void CheckPayments(store::Connection& conn, std::vector<std::string>& v) {
  {
    store::Query q(conn,
                   "SELECT p.number, p.amount_applied, COALESCE((SELECT SUM(a.amount) FROM "
                   "payment_applications a WHERE a.payment_id = p.id), 0) FROM payments p");
    while (q.Next()) {
      if (q.Int(1) != q.Int(2)) {
        v.push_back("payment " + q.Text(0) + " amount_applied != SUM(its applications)");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT v.number, v.amount_paid, v.discount_taken, "
                   "COALESCE((SELECT SUM(a.amount) FROM payment_applications a "
                   "WHERE a.invoice_id = v.id), 0), "
                   "COALESCE((SELECT SUM(a.discount) FROM payment_applications a "
                   "WHERE a.invoice_id = v.id), 0) FROM invoices v");
    while (q.Next()) {
      if (q.Int(1) != q.Int(3)) {
        v.push_back("invoice " + q.Text(0) + " amount_paid != SUM(cash applied to it)");
      }
      if (q.Int(2) != q.Int(4)) {
        v.push_back("invoice " + q.Text(0) + " discount_taken != SUM(discounts applied to it)");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT a.id FROM payment_applications a JOIN payments p ON p.id = a.payment_id "
                   "JOIN invoices v ON v.id = a.invoice_id WHERE p.customer_id <> v.customer_id");
    while (q.Next()) {
      v.push_back("payment application " + std::to_string(q.Int(0)) +
                  " settles another customer's invoice");
    }
  }
  {
    // settled == everything not cancelled invoiced and no invoice of the order owes anything.
    store::Query q(conn,
                   "SELECT o.number, o.settled, "
                   "(SELECT SUM(l.quantity - l.quantity_cancelled) = SUM(l.quantity_invoiced) "
                   "AND SUM(l.quantity - l.quantity_cancelled) > 0 "
                   "FROM order_lines l WHERE l.order_id = o.id) AND NOT EXISTS ("
                   "SELECT 1 FROM invoices v WHERE v.order_id = o.id AND v.status = 'open') "
                   "FROM orders o");
    while (q.Next()) {
      if (q.Int(1) != q.Int(2)) {
        v.push_back("order " + q.Text(0) + " settled is " + std::to_string(q.Int(1)) +
                    " but its invoices say " + std::to_string(q.Int(2)));
      }
    }
  }
  CheckNumbering(conn, "payments", "payment", "PM", v);
}

// Returned quantities agree with receipts and never pass what shipped; RMAs are received
// exactly when nothing is awaited; RA numbers have no gaps.
void CheckReturns(store::Connection& conn, std::vector<std::string>& v) {
  {
    store::Query q(conn,
                   "SELECT l.id, l.quantity_shipped, l.quantity_returned, "
                   "COALESCE((SELECT SUM(rl.quantity_received) FROM return_lines rl "
                   "WHERE rl.order_line_id = l.id), 0), "
                   "COALESCE((SELECT SUM(rl.quantity - rl.quantity_received) FROM return_lines rl "
                   "JOIN returns r ON r.id = rl.return_id "
                   "WHERE rl.order_line_id = l.id AND r.status = 'authorized'), 0), "
                   "COALESCE((SELECT SUM(cl.quantity) FROM credit_memo_lines cl "
                   "WHERE cl.order_line_id = l.id), 0) FROM order_lines l");
    while (q.Next()) {
      std::string line = "order line " + std::to_string(q.Int(0));
      if (q.Int(2) > q.Int(1)) {
        v.push_back(line + " returned " + std::to_string(q.Int(2)) + " > shipped " +
                    std::to_string(q.Int(1)));
      }
      if (q.Int(2) != q.Int(3)) {
        v.push_back(line + " quantity_returned " + std::to_string(q.Int(2)) +
                    " != SUM(received return lines) " + std::to_string(q.Int(3)));
      }
      if (q.Int(2) + q.Int(4) > q.Int(1)) {
        v.push_back(line + " returned " + std::to_string(q.Int(2)) + " + awaited " +
                    std::to_string(q.Int(4)) + " > shipped " + std::to_string(q.Int(1)));
      }
      if (q.Int(2) != q.Int(5)) {
        v.push_back(line + " quantity_returned " + std::to_string(q.Int(2)) +
                    " != SUM(credit memo lines) " + std::to_string(q.Int(5)));
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT r.number, rl.line_no, rl.quantity_received, "
                   "COALESCE((SELECT SUM(x.quantity) FROM return_receipts x "
                   "WHERE x.return_id = rl.return_id AND x.line_no = rl.line_no), 0), "
                   "ol.line_no, ol.order_id = r.order_id "
                   "FROM return_lines rl JOIN returns r ON r.id = rl.return_id "
                   "JOIN order_lines ol ON ol.id = rl.order_line_id");
    while (q.Next()) {
      std::string line = "return " + q.Text(0) + " line " + std::to_string(q.Int(1));
      if (q.Int(2) != q.Int(3)) {
        v.push_back(line + " quantity_received " + std::to_string(q.Int(2)) + " != SUM(receipts) " +
                    std::to_string(q.Int(3)));
      }
      if (q.Int(4) != q.Int(1) || q.Int(5) != 1) {
        v.push_back(line + " is not that line of the return's order");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT r.number, r.status, "
                   "(SELECT COUNT(*) FROM return_lines rl WHERE rl.return_id = r.id), "
                   "(SELECT COUNT(*) FROM return_lines rl WHERE rl.return_id = r.id "
                   "AND rl.quantity_received < rl.quantity) FROM returns r");
    while (q.Next()) {
      std::string status = q.Text(1);
      if (q.Int(2) == 0) v.push_back("return " + q.Text(0) + " has no lines");
      if (status == "received" && q.Int(3) != 0) {
        v.push_back("return " + q.Text(0) + " is received but awaits goods");
      }
      if (status == "authorized" && q.Int(3) == 0 && q.Int(2) != 0) {
        v.push_back("return " + q.Text(0) + " is authorized but everything arrived");
      }
    }
  }
  CheckNumbering(conn, "returns", "return", "RA", v);
}

// Credit memos: totals are their lines', settlement is their applications and refunds, the
// status follows the balance, no invoice line is credited beyond what it invoiced; CM numbers
// have no gaps.
void CheckCreditMemos(store::Connection& conn, std::vector<std::string>& v) {
  {
    store::Query q(conn,
                   "SELECT m.number, m.subtotal, m.tax, m.total, m.amount_applied, "
                   "m.amount_refunded, m.status, "
                   "COALESCE((SELECT SUM(l.extended_amount) FROM credit_memo_lines l "
                   "WHERE l.credit_memo_id = m.id), 0), "
                   "COALESCE((SELECT SUM(l.tax_amount) FROM credit_memo_lines l "
                   "WHERE l.credit_memo_id = m.id), 0), "
                   "COALESCE((SELECT SUM(a.amount) FROM credit_memo_applications a "
                   "WHERE a.credit_memo_id = m.id), 0), "
                   "COALESCE((SELECT SUM(f.amount) FROM credit_memo_refunds f "
                   "WHERE f.credit_memo_id = m.id), 0), "
                   "(SELECT COUNT(*) FROM credit_memo_lines l WHERE l.credit_memo_id = m.id), "
                   "m.discount_adjustment FROM credit_memos m");
    while (q.Next()) {
      std::string memo = "credit memo " + q.Text(0);
      int64_t balance = q.Int(3) - q.Int(4) - q.Int(5);
      if (q.Int(11) == 0) v.push_back(memo + " has no lines");
      if (q.Int(1) != q.Int(7)) v.push_back(memo + " subtotal != SUM(line amounts)");
      if (q.Int(2) != q.Int(8)) v.push_back(memo + " tax != SUM(line taxes)");
      if (q.Int(3) != q.Int(1) + q.Int(2) - q.Int(12)) {
        v.push_back(memo + " total != subtotal + tax - discount adjustment");
      }
      if (q.Int(4) != q.Int(9)) v.push_back(memo + " amount_applied != SUM(applications)");
      if (q.Int(5) != q.Int(10)) v.push_back(memo + " amount_refunded != SUM(refunds)");
      if (balance < 0) v.push_back(memo + " has a negative balance");
      std::string want = balance > 0 ? "open" : (q.Int(5) > 0 ? "refunded" : "applied");
      if (q.Text(6) != want) {
        v.push_back(memo + " has status '" + q.Text(6) + "' but its amounts make it '" + want +
                    "'");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT m.number, l.line_no, l.unit_price, l.quantity, l.extended_amount, "
                   "m.currency FROM credit_memo_lines l "
                   "JOIN credit_memos m ON m.id = l.credit_memo_id");
    while (q.Next()) {
      Currency currency = FindCurrency(q.Text(5)).value_or(kUsd);
      if (q.Amount(4) != pricing::ExtendedAmount(q.Amount(2), q.Int(3), currency)) {
        v.push_back("credit memo " + q.Text(0) + " line " + std::to_string(q.Int(1)) +
                    " extended_amount != unit_price x quantity");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT v.number, il.line_no, il.quantity, SUM(cl.quantity) "
                   "FROM credit_memo_lines cl JOIN invoice_lines il ON il.invoice_id = "
                   "cl.invoice_id AND il.line_no = cl.invoice_line_no "
                   "JOIN invoices v ON v.id = il.invoice_id "
                   "GROUP BY il.invoice_id, il.line_no HAVING SUM(cl.quantity) > il.quantity");
    while (q.Next()) {
      v.push_back("invoice " + q.Text(0) + " line " + std::to_string(q.Int(1)) + " credited " +
                  std::to_string(q.Int(3)) + " > invoiced " + std::to_string(q.Int(2)));
    }
  }
  CheckNumbering(conn, "credit_memos", "credit memo", "CM", v);
  {
    // The discount a memo gives back is its lines', and never more on an invoice than the
    // discount that invoice was settled with.
    store::Query q(conn,
                   "SELECT m.number, m.discount_adjustment, COALESCE((SELECT "
                   "SUM(l.discount_adjustment) FROM credit_memo_lines l "
                   "WHERE l.credit_memo_id = m.id), 0) FROM credit_memos m");
    while (q.Next()) {
      if (q.Int(1) != q.Int(2)) {
        v.push_back("credit memo " + q.Text(0) + " discount_adjustment != SUM(its lines')");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT v.number, v.discount_taken, COALESCE((SELECT "
                   "SUM(l.discount_adjustment) FROM credit_memo_lines l "
                   "WHERE l.invoice_id = v.id), 0) FROM invoices v");
    while (q.Next()) {
      if (q.Int(2) > q.Int(1)) {
        v.push_back("invoice " + q.Text(0) + " gave back more discount than was taken");
      }
    }
  }
}

}  // namespace

std::vector<std::string> FindInvariantViolations(store::Connection& conn) {
  ReadSnapshot snapshot(conn);
  std::vector<std::string> v;
  CheckStock(conn, v);
  CheckCredit(conn, v);
  CheckOrders(conn, v);
  CheckStoredStatus(conn, v);
  CheckAwaitingStock(conn, v);
  CheckMovementItemIndex(conn, v);
  CheckShipments(conn, v);
  CheckInvoices(conn, v);
  CheckLedger(conn, v);
  CheckPayments(conn, v);
  CheckReturns(conn, v);
  CheckCreditMemos(conn, v);
  return v;
}

::testing::AssertionResult InvariantsHold(store::Connection& conn) {
  std::vector<std::string> v = FindInvariantViolations(conn);
  if (v.empty()) return ::testing::AssertionSuccess();
  auto failure = ::testing::AssertionFailure();
  failure << v.size() << " invariant violation(s):";
  for (const auto& s : v) failure << "\n  " << s;
  return failure;
}

}  // namespace ordo::test_support
