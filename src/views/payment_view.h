// The payment as it is shown (API answers, audit images): the receivables module's document
// with its customer's code (its applications' invoice numbers come from invoicing already).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "receivables/payment.h"
#include "receivables/payment_repository.h"
#include "store/database.h"

namespace ordo::views {

// Fills the customer codes of every payment in `payments`, in one query.
void NamePayments(store::Connection& conn, std::vector<receivables::Payment>& payments);
void NamePayment(store::Connection& conn, receivables::Payment& payment);

// receivables::LoadPayment / LoadPaymentByNumber / ListPayments, named.
std::optional<receivables::Payment> LoadPayment(store::Connection& conn, receivables::PaymentId id);
std::optional<receivables::Payment> LoadPaymentByNumber(store::Connection& conn,
                                                        std::string_view number);
std::vector<receivables::Payment> ListPayments(store::Connection& conn,
                                               std::optional<CustomerId> customer,
                                               std::optional<receivables::PaymentId> before,
                                               int limit);

}  // namespace ordo::views
