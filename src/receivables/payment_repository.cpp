#include "receivables/payment_repository.h"

#include <cstdint>
#include <stdexcept>

#include "store/query.h"
#include "store/sequences.h"

namespace ordo::receivables {
namespace {

constexpr std::string_view kColumns =
    "SELECT p.id, p.number, p.customer_id, c.code, p.amount, p.amount_applied, p.method, "
    "p.reference, p.received_date, p.currency, p.version, p.created_by, p.created_at, "
    "p.updated_at FROM payments p JOIN customers c ON c.id = p.customer_id ";

const std::string kById = std::string(kColumns) + "WHERE p.id = ?";
const std::string kByNumber = std::string(kColumns) + "WHERE p.number = ?";
const std::string kList = std::string(kColumns) +
                          "WHERE (? IS NULL OR p.customer_id = ?) AND p.id < ? "
                          "ORDER BY p.id DESC LIMIT ?";

Payment ReadHeader(const store::Query& q) {
  Payment p;
  p.id = PaymentId(q.Int(0));
  p.number = q.Text(1);
  p.customer = CustomerId(q.Int(2));
  p.customer_code = q.Text(3);
  p.amount = q.Amount(4);
  p.amount_applied = q.Amount(5);
  p.method = q.Text(6);
  p.reference = q.Text(7);
  p.received_date = q.OptDate(8).value_or(Date{});
  p.currency = q.Text(9);
  p.version = q.Int(10);
  p.created_by = q.Text(11);
  p.created_at = q.Time(12);
  p.updated_at = q.Time(13);
  return p;
}

void LoadApplications(store::Connection& conn, Payment& p) {
  store::Query q(conn,
                 "SELECT a.invoice_id, v.number, a.amount, a.discount, a.applied_date, a.at "
                 "FROM payment_applications a JOIN invoices v ON v.id = a.invoice_id "
                 "WHERE a.payment_id = ? ORDER BY a.id",
                 p.id);
  while (q.Next()) {
    p.applications.push_back({invoicing::InvoiceId(q.Int(0)), q.Text(1), q.Amount(2), q.Amount(3),
                              q.OptDate(4).value_or(Date{}), q.Time(5)});
  }
}

template <typename Key>
std::optional<Payment> LoadWhere(store::Connection& conn, const std::string& sql, const Key& key) {
  std::optional<Payment> p;
  {
    store::Query q(conn, sql, key);
    if (!q.Next()) return std::nullopt;
    p = ReadHeader(q);
  }
  LoadApplications(conn, *p);
  return p;
}

}  // namespace

std::string NextPaymentNumber(store::Connection& conn) {
  return store::NextDocumentNumber(conn, "PM");
}

void InsertPayment(store::Connection& conn, Payment& p) {
  store::Query q(conn,
                 "INSERT INTO payments (number, customer_id, amount, amount_applied, method, "
                 "reference, received_date, currency, version, created_by, created_at, "
                 "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                 p.number, p.customer, p.amount, p.amount_applied, p.method, p.reference,
                 p.received_date, p.currency, p.version, p.created_by, p.created_at, p.created_at);
  q.Next();
  p.id = PaymentId(q.Int(0));
  p.updated_at = p.created_at;
}

bool AddApplication(store::Connection& conn, const Payment& p, const PaymentApplication& a) {
  if (store::Exec(conn,
                  "UPDATE payments SET amount_applied = amount_applied + ?, "
                  "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                  a.amount, a.at, p.id, p.version) != 1) {
    return false;
  }
  store::Exec(conn,
              "INSERT INTO payment_applications (payment_id, invoice_id, amount, discount, "
              "applied_date, at) VALUES (?, ?, ?, ?, ?, ?)",
              p.id, a.invoice, a.amount, a.discount, a.applied_date, a.at);
  return true;
}

std::optional<Payment> LoadPayment(store::Connection& conn, PaymentId id) {
  return LoadWhere(conn, kById, id);
}

std::optional<Payment> LoadPaymentByNumber(store::Connection& conn, std::string_view number) {
  return LoadWhere(conn, kByNumber, number);
}

std::vector<Payment> ListPayments(store::Connection& conn, std::optional<CustomerId> customer,
                                  std::optional<PaymentId> before, int limit) {
  std::vector<Payment> out;
  {
    store::Query q(conn, kList, customer, customer, before ? before->value() : INT64_MAX, limit);
    while (q.Next()) out.push_back(ReadHeader(q));
  }
  for (auto& p : out) LoadApplications(conn, p);
  return out;
}

}  // namespace ordo::receivables
