#include "invoicing/credit_memo_repository.h"

#include <stdexcept>

#include "invoicing/tax_rates.h"
#include "store/query.h"
#include "store/sequences.h"

namespace ordo::invoicing {
namespace {

// The RMA's number and order come from the returns module's table: the memo keeps only ids.
constexpr std::string_view kHeaderColumns =
    "SELECT m.id, m.number, m.customer_id, c.code, m.return_id, COALESCE(r.number, ''), "
    "COALESCE(o.number, ''), m.invoice_id, COALESCE(v.number, ''), m.memo_date, m.currency, "
    "m.subtotal, m.tax, m.total, m.amount_applied, m.amount_refunded, m.status, m.version, "
    "m.created_at, m.updated_at, m.discount_adjustment "
    "FROM credit_memos m JOIN customers c ON c.id = m.customer_id "
    "LEFT JOIN returns r ON r.id = m.return_id LEFT JOIN orders o ON o.id = r.order_id "
    "LEFT JOIN invoices v ON v.id = m.invoice_id ";

const std::string kById = std::string(kHeaderColumns) + "WHERE m.id = ?";
const std::string kByNumber = std::string(kHeaderColumns) + "WHERE m.number = ?";
const std::string kList = std::string(kHeaderColumns) +
                          "WHERE (? IS NULL OR m.customer_id = ?) AND (? IS NULL OR m.status = ?) "
                          "AND m.id < ? ORDER BY m.id DESC LIMIT ?";

CreditMemo ReadHeader(const store::Query& q) {
  CreditMemo m;
  m.id = CreditMemoId(q.Int(0));
  m.number = q.Text(1);
  m.customer = CustomerId(q.Int(2));
  m.customer_code = q.Text(3);
  m.return_id = q.OptInt(4);
  m.return_number = q.Text(5);
  m.order_number = q.Text(6);
  if (auto v = q.OptInt(7)) m.invoice = InvoiceId(*v);
  m.invoice_number = q.Text(8);
  m.memo_date = q.OptDate(9).value_or(Date{});
  m.currency = q.Text(10);
  m.subtotal = q.Amount(11);
  m.tax = q.Amount(12);
  m.total = q.Amount(13);
  m.amount_applied = q.Amount(14);
  m.amount_refunded = q.Amount(15);
  m.status = CreditMemoStatusFromName(q.Text(16)).value_or(CreditMemoStatus::kOpen);
  m.version = q.Int(17);
  m.created_at = q.Time(18);
  m.updated_at = q.Time(19);
  m.discount_adjustment = q.Amount(20);
  return m;
}

void LoadDetails(store::Connection& conn, CreditMemo& m) {
  {
    store::Query q(conn,
                   "SELECT l.line_no, l.order_line_id, l.order_line_no, l.item_id, i.sku, "
                   "l.invoice_id, v.number, l.invoice_line_no, l.quantity, l.unit_price, "
                   "l.extended_amount, l.tax_rate_ppm, l.tax_amount, l.discount_adjustment "
                   "FROM credit_memo_lines l JOIN items i ON i.id = l.item_id "
                   "JOIN invoices v ON v.id = l.invoice_id "
                   "WHERE l.credit_memo_id = ? ORDER BY l.line_no",
                   m.id);
    while (q.Next()) {
      CreditMemoLine l;
      l.line_no = static_cast<int>(q.Int(0));
      l.order_line = OrderLineId(q.Int(1));
      l.order_line_no = static_cast<int>(q.Int(2));
      l.item = ItemId(q.Int(3));
      l.sku = q.Text(4);
      l.invoice = InvoiceId(q.Int(5));
      l.invoice_number = q.Text(6);
      l.invoice_line_no = static_cast<int>(q.Int(7));
      l.quantity = q.Int(8);
      l.unit_price = q.Amount(9);
      l.extended_amount = q.Amount(10);
      l.tax_rate_ppm = q.Int(11);
      l.tax_amount = q.Amount(12);
      l.discount_adjustment = q.Amount(13);
      m.lines.push_back(std::move(l));
    }
  }
  {
    store::Query q(conn,
                   "SELECT a.invoice_id, v.number, a.amount, a.at FROM credit_memo_applications a "
                   "JOIN invoices v ON v.id = a.invoice_id WHERE a.credit_memo_id = ? "
                   "ORDER BY a.id",
                   m.id);
    while (q.Next()) {
      m.applications.push_back({InvoiceId(q.Int(0)), q.Text(1), q.Amount(2), q.Time(3)});
    }
  }
  store::Query q(conn,
                 "SELECT amount, method, reference, at FROM credit_memo_refunds "
                 "WHERE credit_memo_id = ? ORDER BY id",
                 m.id);
  while (q.Next()) m.refunds.push_back({q.Amount(0), q.Text(1), q.Text(2), q.Time(3)});
}

template <typename Key>
std::optional<CreditMemo> LoadWhere(store::Connection& conn, const std::string& sql,
                                    const Key& key) {
  std::optional<CreditMemo> m;
  {
    store::Query q(conn, sql, key);
    if (!q.Next()) return std::nullopt;
    m = ReadHeader(q);
  }
  LoadDetails(conn, *m);
  return m;
}

}  // namespace

std::string NextCreditMemoNumber(store::Connection& conn) {
  return store::NextDocumentNumber(conn, "CM");
}

void InsertCreditMemo(store::Connection& conn, CreditMemo& m) {
  m.status = m.DerivedStatus();
  {
    store::Query q(conn,
                   "INSERT INTO credit_memos (number, customer_id, return_id, invoice_id, "
                   "memo_date, currency, subtotal, tax, discount_adjustment, total, "
                   "amount_applied, amount_refunded, status, version, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                   m.number, m.customer, m.return_id, m.invoice, m.memo_date, m.currency,
                   m.subtotal, m.tax, m.discount_adjustment, m.total, m.amount_applied,
                   m.amount_refunded, StatusName(m.status), m.version, m.created_at, m.created_at);
    q.Next();
    m.id = CreditMemoId(q.Int(0));
  }
  m.updated_at = m.created_at;
  for (const auto& l : m.lines) {
    store::Exec(conn,
                "INSERT INTO credit_memo_lines (credit_memo_id, line_no, order_line_id, "
                "order_line_no, item_id, invoice_id, invoice_line_no, quantity, unit_price, "
                "extended_amount, tax_rate_ppm, tax_amount, discount_adjustment) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.id, l.line_no, l.order_line, l.order_line_no, l.item, l.invoice,
                l.invoice_line_no, l.quantity, l.unit_price, l.extended_amount, l.tax_rate_ppm,
                l.tax_amount, l.discount_adjustment);
  }
}

bool StoreCreditMemoSettlement(store::Connection& conn, const CreditMemo& m, Timestamp at) {
  return store::Exec(conn,
                     "UPDATE credit_memos SET amount_applied = ?, amount_refunded = ?, "
                     "status = ?, version = version + 1, updated_at = ? "
                     "WHERE id = ? AND version = ?",
                     m.amount_applied, m.amount_refunded, StatusName(m.DerivedStatus()), at, m.id,
                     m.version) == 1;
}

void InsertApplication(store::Connection& conn, CreditMemoId memo, InvoiceId invoice, Money amount,
                       Timestamp at, std::string_view actor) {
  store::Exec(conn,
              "INSERT INTO credit_memo_applications (credit_memo_id, invoice_id, amount, at, "
              "actor) VALUES (?, ?, ?, ?, ?)",
              memo, invoice, amount, at, actor);
}

void InsertRefund(store::Connection& conn, CreditMemoId memo, const CreditMemoRefund& r,
                  std::string_view actor) {
  store::Exec(conn,
              "INSERT INTO credit_memo_refunds (credit_memo_id, amount, method, reference, at, "
              "actor) VALUES (?, ?, ?, ?, ?, ?)",
              memo, r.amount, r.method, r.reference, r.at, actor);
}

std::optional<CreditMemo> LoadCreditMemo(store::Connection& conn, CreditMemoId id) {
  return LoadWhere(conn, kById, id);
}

std::optional<CreditMemo> LoadCreditMemoByNumber(store::Connection& conn, std::string_view number) {
  return LoadWhere(conn, kByNumber, number);
}

int64_t CreditedQuantity(store::Connection& conn, InvoiceId invoice, int line_no) {
  store::Query q(conn,
                 "SELECT COALESCE(SUM(quantity), 0) FROM credit_memo_lines "
                 "WHERE invoice_id = ? AND invoice_line_no = ?",
                 invoice, line_no);
  q.Next();
  return q.Int(0);
}

std::vector<CreditMemo> ListCreditMemos(store::Connection& conn, const CreditMemoFilter& f,
                                        std::optional<CreditMemoId> before, int limit) {
  std::optional<std::string> status;
  if (f.status) status = std::string(StatusName(*f.status));
  std::vector<CreditMemo> out;
  store::Query q(conn, kList, f.customer, f.customer, status, status,
                 before ? before->value() : INT64_MAX, limit);
  while (q.Next()) out.push_back(ReadHeader(q));
  return out;
}

CreditedOnInvoice CreditedOn(store::Connection& conn, InvoiceId invoice) {
  store::Query q(conn,
                 "SELECT COALESCE(SUM(extended_amount + tax_amount), 0), "
                 "COALESCE(SUM(discount_adjustment), 0) FROM credit_memo_lines "
                 "WHERE invoice_id = ?",
                 invoice);
  q.Next();
  return {q.Amount(0), q.Amount(1)};
}

Money EarlyPayDiscountAllowed(store::Connection& conn, const Invoice& invoice, Date paid_on) {
  if (invoice.discount_bp == 0 || !invoice.discount_date || paid_on > *invoice.discount_date) {
    return Money();
  }
  Currency c = FindCurrency(invoice.currency).value_or(kUsd);
  Money base = invoice.total - CreditedOn(conn, invoice.id).gross;
  Money allowed = TaxOn(base, int64_t{invoice.discount_bp} * 100, c) - invoice.discount_taken;
  return allowed.is_negative() ? Money() : allowed;
}

}  // namespace ordo::invoicing
