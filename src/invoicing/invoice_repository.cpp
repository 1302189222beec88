#include "invoicing/invoice_repository.h"

#include <stdexcept>

#include "core/resource_ref.h"
#include "store/query.h"
#include "store/sequences.h"

namespace ordo::invoicing {
namespace {

constexpr std::string_view kHeaderColumns =
    "SELECT v.id, v.number, v.customer_id, c.code, v.order_id, o.number, v.shipment_id, "
    "COALESCE(s.number, ''), v.invoice_date, v.due_date, v.payment_terms, v.discount_date, "
    "v.discount_bp, v.currency, v.subtotal, v.tax, v.freight, v.total, v.amount_paid, "
    "v.discount_taken, v.amount_credited, v.status, v.version, v.created_at, v.updated_at "
    "FROM invoices v JOIN customers c ON c.id = v.customer_id "
    "JOIN orders o ON o.id = v.order_id LEFT JOIN shipments s ON s.id = v.shipment_id ";

const std::string kById = std::string(kHeaderColumns) + "WHERE v.id = ?";
const std::string kByNumber = std::string(kHeaderColumns) + "WHERE v.number = ?";
const std::string kList = std::string(kHeaderColumns) +
                          "WHERE (? IS NULL OR v.customer_id = ?) AND (? IS NULL OR v.status = ?) "
                          "AND (? IS NULL OR v.order_id = ?) AND v.id < ? "
                          "ORDER BY v.id DESC LIMIT ?";

Invoice ReadHeader(const store::Query& q) {
  Invoice v;
  v.id = InvoiceId(q.Int(0));
  v.number = q.Text(1);
  v.customer = CustomerId(q.Int(2));
  v.customer_code = q.Text(3);
  v.order = OrderId(q.Int(4));
  v.order_number = q.Text(5);
  if (auto s = q.OptInt(6)) v.shipment = ShipmentId(*s);
  v.shipment_number = q.Text(7);
  v.invoice_date = q.OptDate(8).value_or(Date{});
  v.due_date = q.OptDate(9).value_or(Date{});
  v.payment_terms = q.Text(10);
  v.discount_date = q.OptDate(11);
  v.discount_bp = static_cast<int>(q.Int(12));
  v.currency = q.Text(13);
  v.subtotal = q.Amount(14);
  v.tax = q.Amount(15);
  v.freight = q.Amount(16);
  v.total = q.Amount(17);
  v.amount_paid = q.Amount(18);
  v.discount_taken = q.Amount(19);
  v.amount_credited = q.Amount(20);
  v.status = StatusFromName(q.Text(21)).value_or(InvoiceStatus::kOpen);
  v.version = q.Int(22);
  v.created_at = q.Time(23);
  v.updated_at = q.Time(24);
  return v;
}

template <typename Key>
std::optional<Invoice> LoadWhere(store::Connection& conn, const std::string& sql, const Key& key) {
  std::optional<Invoice> v;
  {
    store::Query q(conn, sql, key);
    if (!q.Next()) return std::nullopt;
    v = ReadHeader(q);
  }
  store::Query q(conn,
                 "SELECT l.line_no, l.order_line_id, l.item_id, i.sku, l.quantity, l.unit_price, "
                 "l.extended_amount, l.tax_class, l.tax_rate_ppm, l.tax_amount "
                 "FROM invoice_lines l JOIN items i ON i.id = l.item_id "
                 "WHERE l.invoice_id = ? ORDER BY l.line_no",
                 v->id);
  while (q.Next()) {
    v->lines.push_back(InvoiceLine{static_cast<int>(q.Int(0)), OrderLineId(q.Int(1)),
                                   ItemId(q.Int(2)), q.Text(3), q.Int(4), q.Amount(5), q.Amount(6),
                                   q.Text(7), q.Int(8), q.Amount(9)});
  }
  return v;
}

InvoiceStatus StatusFor(const Invoice& v) {
  if (v.status == InvoiceStatus::kVoid) return InvoiceStatus::kVoid;
  return v.balance().is_zero() ? InvoiceStatus::kPaid : InvoiceStatus::kOpen;
}

}  // namespace

std::string NextInvoiceNumber(store::Connection& conn) {
  return store::NextDocumentNumber(conn, "IN");
}

void InsertInvoice(store::Connection& conn, Invoice& v) {
  v.status = StatusFor(v);
  {
    store::Query q(conn,
                   "INSERT INTO invoices (number, customer_id, order_id, shipment_id, "
                   "invoice_date, due_date, payment_terms, discount_date, discount_bp, currency, "
                   "subtotal, tax, freight, total, amount_paid, discount_taken, amount_credited, "
                   "status, version, created_at, updated_at) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "RETURNING id",
                   v.number, v.customer, v.order, v.shipment, v.invoice_date, v.due_date,
                   v.payment_terms, v.discount_date, v.discount_bp, v.currency, v.subtotal, v.tax,
                   v.freight, v.total, v.amount_paid, v.discount_taken, v.amount_credited,
                   StatusName(v.status), v.version, v.created_at, v.created_at);
    q.Next();
    v.id = InvoiceId(q.Int(0));
  }
  v.updated_at = v.created_at;
  for (const auto& l : v.lines) {
    store::Exec(conn,
                "INSERT INTO invoice_lines (invoice_id, line_no, order_line_id, item_id, "
                "quantity, unit_price, extended_amount, tax_class, tax_rate_ppm, tax_amount) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                v.id, l.line_no, l.order_line, l.item, l.quantity, l.unit_price, l.extended_amount,
                l.tax_class, l.tax_rate_ppm, l.tax_amount);
  }
}

bool StoreSettlement(store::Connection& conn, const Invoice& v, Timestamp at) {
  return store::Exec(conn,
                     "UPDATE invoices SET amount_paid = ?, discount_taken = ?, "
                     "amount_credited = ?, status = ?, version = version + 1, "
                     // never moves back: commands may run a little out of their clocks'
                     // order, and the aging trusts updated_at as the last settlement's time
                     "updated_at = CASE WHEN updated_at > ? THEN updated_at ELSE ? END "
                     "WHERE id = ? AND version = ?",
                     v.amount_paid, v.discount_taken, v.amount_credited, StatusName(StatusFor(v)),
                     at, at, v.id, v.version) == 1;
}

std::optional<Invoice> LoadInvoice(store::Connection& conn, InvoiceId id) {
  return LoadWhere(conn, kById, id);
}

std::optional<Invoice> LoadInvoiceByNumber(store::Connection& conn, std::string_view number) {
  return LoadWhere(conn, kByNumber, number);
}

std::optional<Invoice> FindInvoiceByRef(store::Connection& conn, std::string_view ref) {
  if (auto id = ParseResourceRef(ref).id) return LoadInvoice(conn, InvoiceId(*id));
  return LoadInvoiceByNumber(conn, ref);
}

std::optional<InvoiceRef> FindInvoiceForShipment(store::Connection& conn, ShipmentId shipment) {
  store::Query q(conn, "SELECT id, number, customer_id FROM invoices WHERE shipment_id = ?",
                 shipment);
  if (!q.Next()) return std::nullopt;
  return InvoiceRef{InvoiceId(q.Int(0)), q.Text(1), CustomerId(q.Int(2))};
}

std::vector<InvoiceRef> InvoicesOfOrder(store::Connection& conn, OrderId order) {
  std::vector<InvoiceRef> out;
  store::Query q(
      conn, "SELECT id, number, customer_id FROM invoices WHERE order_id = ? ORDER BY id", order);
  while (q.Next()) out.push_back({InvoiceId(q.Int(0)), q.Text(1), CustomerId(q.Int(2))});
  return out;
}

std::vector<Invoice> ListInvoices(store::Connection& conn, const InvoiceFilter& f,
                                  std::optional<InvoiceId> before, int limit) {
  std::optional<std::string> status;
  if (f.status) status = std::string(StatusName(*f.status));
  std::vector<Invoice> out;
  store::Query q(conn, kList, f.customer, f.customer, status, status, f.order, f.order,
                 before ? before->value() : INT64_MAX, limit);
  while (q.Next()) out.push_back(ReadHeader(q));
  return out;
}

}  // namespace ordo::invoicing
