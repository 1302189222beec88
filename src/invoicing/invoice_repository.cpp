#include "invoicing/invoice_repository.h"

#include <stdexcept>

#include "core/resource_ref.h"
#include "store/id_list.h"
#include "store/query.h"
#include "store/row_reader.h"
#include "store/sequences.h"

namespace ordo::invoicing {
namespace {

constexpr std::string_view kHeaderColumns =
    "SELECT id, number, customer_id, order_id, shipment_id, invoice_date, due_date, "
    "payment_terms, discount_date, discount_bp, currency, subtotal, tax, freight, total, "
    "amount_paid, discount_taken, amount_credited, status, version, created_at, updated_at, "
    "tax_exemption FROM invoices ";

Invoice ReadHeader(store::RowReader& r) {
  Invoice v;
  v.id = r.Id<InvoiceId>();
  v.number = r.Text();
  v.customer = r.Id<CustomerId>();
  v.order = r.Id<OrderId>();
  v.shipment = r.OptId<ShipmentId>();
  v.invoice_date = r.OptDate().value_or(Date{});
  v.due_date = r.OptDate().value_or(Date{});
  v.payment_terms = r.Text();
  v.discount_date = r.OptDate();
  v.discount_bp = static_cast<int>(r.Int());
  v.currency = r.Text();
  v.subtotal = r.Amount();
  v.tax = r.Amount();
  v.freight = r.Amount();
  v.total = r.Amount();
  v.amount_paid = r.Amount();
  v.discount_taken = r.Amount();
  v.amount_credited = r.Amount();
  v.status = StatusFromName(r.Text()).value_or(InvoiceStatus::kOpen);
  v.version = r.Int();
  v.created_at = r.Time();
  v.updated_at = r.Time();
  v.tax_exemption = r.OptText();
  return v;
}

void LoadLines(store::Connection& conn, Invoice& v) {
  store::Query q(conn,
                 "SELECT line_no, order_line_id, item_id, quantity, unit_price, extended_amount, "
                 "tax_class, tax_rate_ppm, tax_amount FROM invoice_lines "
                 "WHERE invoice_id = ? ORDER BY line_no",
                 v.id);
  while (q.Next()) {
    store::RowReader r(q);
    InvoiceLine l;
    l.line_no = static_cast<int>(r.Int());
    l.order_line = r.Id<OrderLineId>();
    l.item = r.Id<ItemId>();
    l.quantity = r.Int();
    l.unit_price = r.Amount();
    l.extended_amount = r.Amount();
    l.tax_class = r.Text();
    l.tax_rate_ppm = r.Int();
    l.tax_amount = r.Amount();
    v.lines.push_back(std::move(l));
  }
}

template <typename Key>
std::optional<Invoice> FindInvoice(store::Connection& conn, std::string_view sql, const Key& key) {
  return store::FindOne(
      conn, sql, key, [](store::RowReader& r) { return ReadHeader(r); },
      [&conn](Invoice& v) { LoadLines(conn, v); });
}

InvoiceStatus StatusFor(const Invoice& v) {
  if (v.status == InvoiceStatus::kVoid) return InvoiceStatus::kVoid;
  return v.balance().is_zero() ? InvoiceStatus::kPaid : InvoiceStatus::kOpen;
}

InvoiceRef ReadRef(const store::Query& q) {
  store::RowReader r(q);
  InvoiceRef ref;
  ref.id = r.Id<InvoiceId>();
  ref.number = r.Text();
  ref.customer = r.Id<CustomerId>();
  return ref;
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
                   "status, version, created_at, updated_at, tax_exemption) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                   "RETURNING id",
                   v.number, v.customer, v.order, v.shipment, v.invoice_date, v.due_date,
                   v.payment_terms, v.discount_date, v.discount_bp, v.currency, v.subtotal, v.tax,
                   v.freight, v.total, v.amount_paid, v.discount_taken, v.amount_credited,
                   StatusName(v.status), v.version, v.created_at, v.created_at, v.tax_exemption);
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
  static const std::string sql = std::string(kHeaderColumns) + "WHERE id = ?";
  return FindInvoice(conn, sql, id);
}

std::optional<Invoice> LoadInvoiceByNumber(store::Connection& conn, std::string_view number) {
  static const std::string sql = std::string(kHeaderColumns) + "WHERE number = ?";
  return FindInvoice(conn, sql, number);
}

std::optional<Invoice> FindInvoiceByRef(store::Connection& conn, std::string_view ref) {
  if (auto id = ParseResourceRef(ref).id) return LoadInvoice(conn, InvoiceId(*id));
  return LoadInvoiceByNumber(conn, ref);
}

std::optional<InvoiceRef> FindInvoiceForShipment(store::Connection& conn, ShipmentId shipment) {
  store::Query q(conn, "SELECT id, number, customer_id FROM invoices WHERE shipment_id = ?",
                 shipment);
  if (!q.Next()) return std::nullopt;
  return ReadRef(q);
}

std::vector<InvoiceRef> InvoicesOfOrder(store::Connection& conn, OrderId order) {
  std::vector<InvoiceRef> out;
  store::Query q(
      conn, "SELECT id, number, customer_id FROM invoices WHERE order_id = ? ORDER BY id", order);
  while (q.Next()) out.push_back(ReadRef(q));
  return out;
}

std::unordered_map<InvoiceId, std::string> InvoiceNumbersOf(store::Connection& conn,
                                                            const std::vector<InvoiceId>& ids) {
  static const std::string sql =
      "SELECT id, number FROM invoices WHERE id" + std::string(store::kInIdList);
  return store::TextsById(conn, sql, ids);
}

std::vector<Invoice> ListInvoices(store::Connection& conn, const InvoiceFilter& f,
                                  std::optional<InvoiceId> before, int limit) {
  static const std::string sql =
      std::string(kHeaderColumns) +
      "WHERE (? IS NULL OR customer_id = ?) AND (? IS NULL OR status = ?) "
      "AND (? IS NULL OR order_id = ?) AND id < ? ORDER BY id DESC LIMIT ?";
  std::optional<std::string> status;
  if (f.status) status = std::string(StatusName(*f.status));
  std::vector<Invoice> out;
  store::Query q(conn, sql, f.customer, f.customer, status, status, f.order, f.order,
                 before ? before->value() : INT64_MAX, limit);
  while (q.Next()) {
    store::RowReader r(q);
    out.push_back(ReadHeader(r));
  }
  return out;
}

}  // namespace ordo::invoicing
