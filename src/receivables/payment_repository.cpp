#include "receivables/payment_repository.h"

#include <cstdint>
#include <stdexcept>
#include <unordered_map>

#include "invoicing/invoice_repository.h"
#include "store/id_list.h"
#include "store/query.h"
#include "store/row_reader.h"
#include "store/sequences.h"

namespace ordo::receivables {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, number, customer_id, amount, amount_applied, method, reference, received_date, "
    "currency, version, created_by, created_at, updated_at FROM payments ";

Payment ReadHeader(store::RowReader& r) {
  Payment p;
  p.id = r.Id<PaymentId>();
  p.number = r.Text();
  p.customer = r.Id<CustomerId>();
  p.amount = r.Amount();
  p.amount_applied = r.Amount();
  p.method = r.Text();
  p.reference = r.Text();
  p.received_date = r.OptDate().value_or(Date{});
  p.currency = r.Text();
  p.version = r.Int();
  p.created_by = r.Text();
  p.created_at = r.Time();
  p.updated_at = r.Time();
  return p;
}

// The applications of `payments`, oldest first, with their invoices' numbers (asked of
// invoicing): two statements for a whole page.
void LoadApplications(store::Connection& conn, std::vector<Payment*> payments) {
  static const std::string sql =
      "SELECT payment_id, invoice_id, amount, discount, applied_date, at "
      "FROM payment_applications WHERE payment_id" +
      std::string(store::kInIdList) + " ORDER BY id";
  if (payments.empty()) return;
  std::unordered_map<PaymentId, Payment*> by_id;
  std::vector<PaymentId> ids;
  for (Payment* p : payments) {
    by_id.emplace(p->id, p);
    ids.push_back(p->id);
  }
  std::vector<invoicing::InvoiceId> invoices;
  {
    store::Query q(conn, sql, store::IdListJson(ids));
    while (q.Next()) {
      store::RowReader r(q);
      Payment* p = by_id.at(r.Id<PaymentId>());
      PaymentApplication a;
      a.invoice = r.Id<invoicing::InvoiceId>();
      a.amount = r.Amount();
      a.discount = r.Amount();
      a.applied_date = r.OptDate().value_or(Date{});
      a.at = r.Time();
      invoices.push_back(a.invoice);
      p->applications.push_back(std::move(a));
    }
  }
  auto numbers = invoicing::InvoiceNumbersOf(conn, invoices);
  for (Payment* p : payments) {
    for (auto& a : p->applications) a.invoice_number = numbers[a.invoice];
  }
}

template <typename Key>
std::optional<Payment> FindPayment(store::Connection& conn, std::string_view sql, const Key& key) {
  return store::FindOne(
      conn, sql, key, [](store::RowReader& r) { return ReadHeader(r); },
      [&conn](Payment& p) { LoadApplications(conn, {&p}); });
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
  static const std::string sql = std::string(kColumns) + "WHERE id = ?";
  return FindPayment(conn, sql, id);
}

std::optional<Payment> LoadPaymentByNumber(store::Connection& conn, std::string_view number) {
  static const std::string sql = std::string(kColumns) + "WHERE number = ?";
  return FindPayment(conn, sql, number);
}

std::vector<Payment> ListPayments(store::Connection& conn, std::optional<CustomerId> customer,
                                  std::optional<PaymentId> before, int limit) {
  static const std::string sql = std::string(kColumns) +
                                 "WHERE (? IS NULL OR customer_id = ?) AND id < ? "
                                 "ORDER BY id DESC LIMIT ?";
  std::vector<Payment> out;
  {
    store::Query q(conn, sql, customer, customer, before ? before->value() : INT64_MAX, limit);
    while (q.Next()) {
      store::RowReader r(q);
      out.push_back(ReadHeader(r));
    }
  }
  std::vector<Payment*> page;
  for (auto& p : out) page.push_back(&p);
  LoadApplications(conn, page);
  return out;
}

}  // namespace ordo::receivables
