// Reads and writes of payments and their applications; building blocks for the payment flows
// (flows/payments.h), run inside the caller's unit of work.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "receivables/payment.h"
#include "store/database.h"

namespace ordo::receivables {

// "PM-000042", without gaps (taken inside the command's unit of work).
std::string NextPaymentNumber(store::Connection& conn);

// Writes the header (no applications); fills in payment.id.
void InsertPayment(store::Connection& conn, Payment& payment);

// Adds an application and raises the payment's amount_applied by its amount, with version + 1.
// Returns false (and writes nothing) unless the stored payment is still at `payment.version`.
// REQUIRES: the application fits the payment's unapplied amount.
bool AddApplication(store::Connection& conn, const Payment& payment,
                    const PaymentApplication& application);

std::optional<Payment> LoadPayment(store::Connection& conn, PaymentId id);
std::optional<Payment> LoadPaymentByNumber(store::Connection& conn, std::string_view number);

// At most `limit` payments (with their applications) of `customer` (all when empty) with id <
// `before`, newest first.
std::vector<Payment> ListPayments(store::Connection& conn, std::optional<CustomerId> customer,
                                  std::optional<PaymentId> before, int limit);

}  // namespace ordo::receivables
