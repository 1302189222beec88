#include "views/payment_view.h"

#include "customers/customer_queries.h"
#include "views/name_of.h"

namespace ordo::views {
namespace {

std::optional<receivables::Payment> Named(store::Connection& conn,
                                          std::optional<receivables::Payment> found) {
  if (found) NamePayment(conn, *found);
  return found;
}

}  // namespace

void NamePayments(store::Connection& conn, std::vector<receivables::Payment>& payments) {
  if (payments.empty()) return;
  std::vector<CustomerId> customers;
  for (const auto& p : payments) customers.push_back(p.customer);
  auto codes = customers::CustomerCodes(conn, customers);
  for (auto& p : payments) p.customer_code = NameOf(codes, p.customer);
}

void NamePayment(store::Connection& conn, receivables::Payment& payment) {
  payment.customer_code =
      NameOf(customers::CustomerCodes(conn, {payment.customer}), payment.customer);
}

std::optional<receivables::Payment> LoadPayment(store::Connection& conn,
                                                receivables::PaymentId id) {
  return Named(conn, receivables::LoadPayment(conn, id));
}

std::optional<receivables::Payment> LoadPaymentByNumber(store::Connection& conn,
                                                        std::string_view number) {
  return Named(conn, receivables::LoadPaymentByNumber(conn, number));
}

std::vector<receivables::Payment> ListPayments(store::Connection& conn,
                                               std::optional<CustomerId> customer,
                                               std::optional<receivables::PaymentId> before,
                                               int limit) {
  auto rows = receivables::ListPayments(conn, customer, before, limit);
  NamePayments(conn, rows);
  return rows;
}

}  // namespace ordo::views
