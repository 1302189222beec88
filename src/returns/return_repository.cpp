#include "returns/return_repository.h"

#include <stdexcept>

#include "store/query.h"
#include "store/sequences.h"

namespace ordo::returns {
namespace {

constexpr std::string_view kHeaderColumns =
    "SELECT r.id, r.number, r.order_id, o.number, r.invoice_id, COALESCE(v.number, ''), "
    "r.customer_id, c.code, r.status, r.created_by, r.version, r.created_at, r.updated_at "
    "FROM returns r JOIN orders o ON o.id = r.order_id JOIN customers c ON c.id = r.customer_id "
    "LEFT JOIN invoices v ON v.id = r.invoice_id ";

const std::string kById = std::string(kHeaderColumns) + "WHERE r.id = ?";
const std::string kByNumber = std::string(kHeaderColumns) + "WHERE r.number = ?";
const std::string kList = std::string(kHeaderColumns) +
                          "WHERE (? IS NULL OR r.customer_id = ?) AND (? IS NULL OR r.status = ?) "
                          "AND (? IS NULL OR r.order_id = ?) AND r.id < ? "
                          "ORDER BY r.id DESC LIMIT ?";

Rma ReadHeader(const store::Query& q) {
  Rma r;
  r.id = ReturnId(q.Int(0));
  r.number = q.Text(1);
  r.order = OrderId(q.Int(2));
  r.order_number = q.Text(3);
  if (auto v = q.OptInt(4)) r.invoice = invoicing::InvoiceId(*v);
  r.invoice_number = q.Text(5);
  r.customer = CustomerId(q.Int(6));
  r.customer_code = q.Text(7);
  r.status = StatusFromName(q.Text(8)).value_or(ReturnStatus::kAuthorized);
  r.created_by = q.Text(9);
  r.version = q.Int(10);
  r.created_at = q.Time(11);
  r.updated_at = q.Time(12);
  return r;
}

void LoadLines(store::Connection& conn, Rma& r) {
  store::Query q(conn,
                 "SELECT l.line_no, l.order_line_id, l.item_id, i.sku, l.quantity, "
                 "l.quantity_received, l.reason FROM return_lines l "
                 "JOIN items i ON i.id = l.item_id WHERE l.return_id = ? ORDER BY l.line_no",
                 r.id);
  while (q.Next()) {
    r.lines.push_back({static_cast<int>(q.Int(0)), OrderLineId(q.Int(1)), ItemId(q.Int(2)),
                       q.Text(3), q.Int(4), q.Int(5), q.Text(6)});
  }
}

void LoadReceipts(store::Connection& conn, Rma& r) {
  store::Query q(conn,
                 "SELECT x.id, x.line_no, x.warehouse_id, w.code, x.quantity, x.disposition, "
                 "x.credit_memo_id, m.number, x.received_by, x.received_at "
                 "FROM return_receipts x JOIN warehouses w ON w.id = x.warehouse_id "
                 "JOIN credit_memos m ON m.id = x.credit_memo_id "
                 "WHERE x.return_id = ? ORDER BY x.id",
                 r.id);
  while (q.Next()) {
    ReturnReceipt x;
    x.id = q.Int(0);
    x.line_no = static_cast<int>(q.Int(1));
    x.warehouse = WarehouseId(q.Int(2));
    x.warehouse_code = q.Text(3);
    x.quantity = q.Int(4);
    x.disposition = DispositionFromName(q.Text(5)).value_or(Disposition::kRestock);
    x.credit_memo_id = q.Int(6);
    x.credit_memo_number = q.Text(7);
    x.received_by = q.Text(8);
    x.received_at = q.Time(9);
    r.receipts.push_back(std::move(x));
  }
}

template <typename Key>
std::optional<Rma> LoadWhere(store::Connection& conn, const std::string& sql, const Key& key) {
  std::optional<Rma> r;
  {
    store::Query q(conn, sql, key);
    if (!q.Next()) return std::nullopt;
    r = ReadHeader(q);
  }
  LoadLines(conn, *r);
  LoadReceipts(conn, *r);
  return r;
}

}  // namespace

std::string NextReturnNumber(store::Connection& conn) {
  return store::NextDocumentNumber(conn, "RA");
}

void InsertReturn(store::Connection& conn, Rma& r) {
  {
    store::Query q(conn,
                   "INSERT INTO returns (number, order_id, invoice_id, customer_id, status, "
                   "created_by, version, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   r.number, r.order, r.invoice, r.customer, StatusName(r.status), r.created_by,
                   r.version, r.created_at, r.created_at);
    q.Next();
    r.id = ReturnId(q.Int(0));
  }
  r.updated_at = r.created_at;
  for (const auto& l : r.lines) {
    store::Exec(conn,
                "INSERT INTO return_lines (return_id, line_no, order_line_id, item_id, quantity, "
                "quantity_received, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                r.id, l.line_no, l.order_line, l.item, l.quantity, l.quantity_received, l.reason);
  }
}

bool StoreReceipt(store::Connection& conn, const Rma& r, const std::vector<ReturnReceipt>& receipts,
                  Timestamp at) {
  if (store::Exec(conn,
                  "UPDATE returns SET status = ?, version = version + 1, updated_at = ? "
                  "WHERE id = ? AND version = ?",
                  StatusName(r.status), at, r.id, r.version) != 1) {
    return false;
  }
  for (const auto& l : r.lines) {
    store::Exec(conn,
                "UPDATE return_lines SET quantity_received = ? WHERE return_id = ? AND line_no = ?",
                l.quantity_received, r.id, l.line_no);
  }
  for (const auto& x : receipts) {
    store::Exec(conn,
                "INSERT INTO return_receipts (return_id, line_no, warehouse_id, quantity, "
                "disposition, credit_memo_id, received_by, received_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                r.id, x.line_no, x.warehouse, x.quantity, DispositionName(x.disposition),
                x.credit_memo_id, x.received_by, x.received_at);
  }
  return true;
}

std::optional<Rma> LoadReturn(store::Connection& conn, ReturnId id) {
  return LoadWhere(conn, kById, id);
}

std::optional<Rma> LoadReturnByNumber(store::Connection& conn, std::string_view number) {
  return LoadWhere(conn, kByNumber, number);
}

int64_t OutstandingForOrderLine(store::Connection& conn, OrderLineId line) {
  store::Query q(conn,
                 "SELECT COALESCE(SUM(l.quantity - l.quantity_received), 0) FROM return_lines l "
                 "JOIN returns r ON r.id = l.return_id "
                 "WHERE l.order_line_id = ? AND r.status = 'authorized'",
                 line);
  q.Next();
  return q.Int(0);
}

int64_t OutstandingAgainstInvoice(store::Connection& conn, invoicing::InvoiceId invoice,
                                  int line_no) {
  store::Query q(conn,
                 "SELECT COALESCE(SUM(l.quantity - l.quantity_received), 0) FROM return_lines l "
                 "JOIN returns r ON r.id = l.return_id "
                 "WHERE r.invoice_id = ? AND l.line_no = ? AND r.status = 'authorized'",
                 invoice, line_no);
  q.Next();
  return q.Int(0);
}

std::vector<Rma> ListReturns(store::Connection& conn, const ReturnFilter& f,
                             std::optional<ReturnId> before, int limit) {
  std::optional<std::string> status;
  if (f.status) status = std::string(StatusName(*f.status));
  std::vector<Rma> out;
  {
    store::Query q(conn, kList, f.customer, f.customer, status, status, f.order, f.order,
                   before ? before->value() : INT64_MAX, limit);
    while (q.Next()) out.push_back(ReadHeader(q));
  }
  for (auto& r : out) LoadLines(conn, r);
  return out;
}

}  // namespace ordo::returns
