#include "invoicing/credit_memo_repository.h"

#include <stdexcept>

#include "invoicing/tax_rates.h"
#include "store/id_list.h"
#include "store/query.h"
#include "store/row_reader.h"
#include "store/sequences.h"

namespace ordo::invoicing {
namespace {

// Only invoicing's tables: the customer, the RMA and its order are ids here, named by the
// read model (views/credit_memo_view.h).
constexpr std::string_view kHeaderColumns =
    "SELECT m.id, m.number, m.customer_id, m.return_id, m.invoice_id, COALESCE(v.number, ''), "
    "m.memo_date, m.currency, m.subtotal, m.tax, m.total, m.amount_applied, m.amount_refunded, "
    "m.status, m.version, m.created_at, m.updated_at, m.discount_adjustment "
    "FROM credit_memos m LEFT JOIN invoices v ON v.id = m.invoice_id ";

CreditMemo ReadHeader(store::RowReader& r) {
  CreditMemo m;
  m.id = r.Id<CreditMemoId>();
  m.number = r.Text();
  m.customer = r.Id<CustomerId>();
  m.return_id = r.OptInt();
  m.invoice = r.OptId<InvoiceId>();
  m.invoice_number = r.Text();
  m.memo_date = r.OptDate().value_or(Date{});
  m.currency = r.Text();
  m.subtotal = r.Amount();
  m.tax = r.Amount();
  m.total = r.Amount();
  m.amount_applied = r.Amount();
  m.amount_refunded = r.Amount();
  m.status = CreditMemoStatusFromName(r.Text()).value_or(CreditMemoStatus::kOpen);
  m.version = r.Int();
  m.created_at = r.Time();
  m.updated_at = r.Time();
  m.discount_adjustment = r.Amount();
  return m;
}

void LoadDetails(store::Connection& conn, CreditMemo& m) {
  {
    store::Query q(conn,
                   "SELECT l.line_no, l.order_line_id, l.order_line_no, l.item_id, "
                   "l.invoice_id, v.number, l.invoice_line_no, l.quantity, l.unit_price, "
                   "l.extended_amount, l.tax_rate_ppm, l.tax_amount, l.discount_adjustment "
                   "FROM credit_memo_lines l JOIN invoices v ON v.id = l.invoice_id "
                   "WHERE l.credit_memo_id = ? ORDER BY l.line_no",
                   m.id);
    while (q.Next()) {
      store::RowReader r(q);
      CreditMemoLine l;
      l.line_no = static_cast<int>(r.Int());
      l.order_line = r.Id<OrderLineId>();
      l.order_line_no = static_cast<int>(r.Int());
      l.item = r.Id<ItemId>();
      l.invoice = r.Id<InvoiceId>();
      l.invoice_number = r.Text();
      l.invoice_line_no = static_cast<int>(r.Int());
      l.quantity = r.Int();
      l.unit_price = r.Amount();
      l.extended_amount = r.Amount();
      l.tax_rate_ppm = r.Int();
      l.tax_amount = r.Amount();
      l.discount_adjustment = r.Amount();
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
      store::RowReader r(q);
      CreditMemoApplication a;
      a.invoice = r.Id<InvoiceId>();
      a.invoice_number = r.Text();
      a.amount = r.Amount();
      a.at = r.Time();
      m.applications.push_back(std::move(a));
    }
  }
  store::Query q(conn,
                 "SELECT amount, method, reference, at FROM credit_memo_refunds "
                 "WHERE credit_memo_id = ? ORDER BY id",
                 m.id);
  while (q.Next()) {
    store::RowReader r(q);
    CreditMemoRefund x;
    x.amount = r.Amount();
    x.method = r.Text();
    x.reference = r.Text();
    x.at = r.Time();
    m.refunds.push_back(std::move(x));
  }
}

template <typename Key>
std::optional<CreditMemo> FindMemo(store::Connection& conn, std::string_view sql, const Key& key) {
  return store::FindOne(
      conn, sql, key, [](store::RowReader& r) { return ReadHeader(r); },
      [&conn](CreditMemo& m) { LoadDetails(conn, m); });
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
  static const std::string sql = std::string(kHeaderColumns) + "WHERE m.id = ?";
  return FindMemo(conn, sql, id);
}

std::optional<CreditMemo> LoadCreditMemoByNumber(store::Connection& conn, std::string_view number) {
  static const std::string sql = std::string(kHeaderColumns) + "WHERE m.number = ?";
  return FindMemo(conn, sql, number);
}

std::unordered_map<CreditMemoId, std::string> CreditMemoNumbersOf(
    store::Connection& conn, const std::vector<CreditMemoId>& ids) {
  static const std::string sql =
      "SELECT id, number FROM credit_memos WHERE id" + std::string(store::kInIdList);
  std::unordered_map<CreditMemoId, std::string> out;
  if (ids.empty()) return out;
  store::Query q(conn, sql, store::IdListJson(ids));
  while (q.Next()) out.emplace(CreditMemoId(q.Int(0)), q.Text(1));
  return out;
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
  static const std::string sql = std::string(kHeaderColumns) +
                                 "WHERE (? IS NULL OR m.customer_id = ?) AND "
                                 "(? IS NULL OR m.status = ?) AND m.id < ? "
                                 "ORDER BY m.id DESC LIMIT ?";
  std::optional<std::string> status;
  if (f.status) status = std::string(StatusName(*f.status));
  std::vector<CreditMemo> out;
  store::Query q(conn, sql, f.customer, f.customer, status, status,
                 before ? before->value() : INT64_MAX, limit);
  while (q.Next()) {
    store::RowReader r(q);
    out.push_back(ReadHeader(r));
  }
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
