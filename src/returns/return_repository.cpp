#include "returns/return_repository.h"

#include <stdexcept>
#include <unordered_map>

#include "invoicing/credit_memo_repository.h"
#include "invoicing/invoice_repository.h"
#include "store/id_list.h"
#include "store/query.h"
#include "store/row_reader.h"
#include "store/sequences.h"

namespace ordo::returns {
namespace {

constexpr std::string_view kHeaderColumns =
    "SELECT id, number, order_id, invoice_id, customer_id, status, created_by, version, "
    "created_at, updated_at FROM returns ";

Rma ReadHeader(store::RowReader& r) {
  Rma m;
  m.id = r.Id<ReturnId>();
  m.number = r.Text();
  m.order = r.Id<OrderId>();
  m.invoice = r.OptId<invoicing::InvoiceId>();
  m.customer = r.Id<CustomerId>();
  m.status = StatusFromName(r.Text()).value_or(ReturnStatus::kAuthorized);
  m.created_by = r.Text();
  m.version = r.Int();
  m.created_at = r.Time();
  m.updated_at = r.Time();
  return m;
}

// The numbers of the invoices `rmas` name, asked of invoicing in one statement.
void NameInvoices(store::Connection& conn, const std::vector<Rma*>& rmas) {
  std::vector<invoicing::InvoiceId> ids;
  for (const Rma* m : rmas) {
    if (m->invoice) ids.push_back(*m->invoice);
  }
  if (ids.empty()) return;
  auto numbers = invoicing::InvoiceNumbersOf(conn, ids);
  for (Rma* m : rmas) {
    if (m->invoice) m->invoice_number = numbers[*m->invoice];
  }
}

// The lines of `rmas`, by line_no, in one statement.
void LoadLines(store::Connection& conn, const std::vector<Rma*>& rmas) {
  static const std::string sql =
      "SELECT return_id, line_no, order_line_id, item_id, quantity, quantity_received, reason "
      "FROM return_lines WHERE return_id" +
      std::string(store::kInIdList) + " ORDER BY return_id, line_no";
  if (rmas.empty()) return;
  std::unordered_map<ReturnId, Rma*> by_id;
  std::vector<ReturnId> ids;
  for (Rma* m : rmas) {
    by_id.emplace(m->id, m);
    ids.push_back(m->id);
  }
  store::Query q(conn, sql, store::IdListJson(ids));
  while (q.Next()) {
    store::RowReader r(q);
    Rma* m = by_id.at(r.Id<ReturnId>());
    ReturnLine l;
    l.line_no = static_cast<int>(r.Int());
    l.order_line = r.Id<OrderLineId>();
    l.item = r.Id<ItemId>();
    l.quantity = r.Int();
    l.quantity_received = r.Int();
    l.reason = r.Text();
    m->lines.push_back(std::move(l));
  }
}

void LoadReceipts(store::Connection& conn, Rma& m) {
  std::vector<invoicing::CreditMemoId> memos;
  {
    store::Query q(conn,
                   "SELECT id, line_no, warehouse_id, quantity, disposition, credit_memo_id, "
                   "received_by, received_at FROM return_receipts "
                   "WHERE return_id = ? ORDER BY id",
                   m.id);
    while (q.Next()) {
      store::RowReader r(q);
      ReturnReceipt x;
      x.id = r.Int();
      x.line_no = static_cast<int>(r.Int());
      x.warehouse = r.Id<WarehouseId>();
      x.quantity = r.Int();
      x.disposition = DispositionFromName(r.Text()).value_or(Disposition::kRestock);
      x.credit_memo_id = r.Int();
      x.received_by = r.Text();
      x.received_at = r.Time();
      memos.push_back(invoicing::CreditMemoId(x.credit_memo_id));
      m.receipts.push_back(std::move(x));
    }
  }
  if (memos.empty()) return;
  auto numbers = invoicing::CreditMemoNumbersOf(conn, memos);
  for (auto& x : m.receipts)
    x.credit_memo_number = numbers[invoicing::CreditMemoId(x.credit_memo_id)];
}

template <typename Key>
std::optional<Rma> FindReturn(store::Connection& conn, std::string_view sql, const Key& key) {
  return store::FindOne(
      conn, sql, key, [](store::RowReader& r) { return ReadHeader(r); },
      [&conn](Rma& m) {
        NameInvoices(conn, {&m});
        LoadLines(conn, {&m});
        LoadReceipts(conn, m);
      });
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
  static const std::string sql = std::string(kHeaderColumns) + "WHERE id = ?";
  return FindReturn(conn, sql, id);
}

std::optional<Rma> LoadReturnByNumber(store::Connection& conn, std::string_view number) {
  static const std::string sql = std::string(kHeaderColumns) + "WHERE number = ?";
  return FindReturn(conn, sql, number);
}

std::unordered_map<ReturnId, ReturnRef> ReturnRefsOf(store::Connection& conn,
                                                     const std::vector<ReturnId>& ids) {
  static const std::string sql =
      "SELECT id, number, order_id FROM returns WHERE id" + std::string(store::kInIdList);
  std::unordered_map<ReturnId, ReturnRef> out;
  if (ids.empty()) return out;
  store::Query q(conn, sql, store::IdListJson(ids));
  while (q.Next()) {
    store::RowReader r(q);
    ReturnRef ref;
    ref.id = r.Id<ReturnId>();
    ref.number = r.Text();
    ref.order = r.Id<OrderId>();
    out.emplace(ref.id, std::move(ref));
  }
  return out;
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
  static const std::string sql =
      std::string(kHeaderColumns) +
      "WHERE (? IS NULL OR customer_id = ?) AND (? IS NULL OR status = ?) "
      "AND (? IS NULL OR order_id = ?) AND id < ? ORDER BY id DESC LIMIT ?";
  std::optional<std::string> status;
  if (f.status) status = std::string(StatusName(*f.status));
  std::vector<Rma> out;
  {
    store::Query q(conn, sql, f.customer, f.customer, status, status, f.order, f.order,
                   before ? before->value() : INT64_MAX, limit);
    while (q.Next()) {
      store::RowReader r(q);
      out.push_back(ReadHeader(r));
    }
  }
  std::vector<Rma*> page;
  for (auto& m : out) page.push_back(&m);
  NameInvoices(conn, page);
  LoadLines(conn, page);
  return out;
}

}  // namespace ordo::returns
