// Payments: cash a customer sent, and how it is applied to its invoices.
//
// A payment is received whole (its amount is credited to the customer's receivables at once)
// and applied to invoices then or later; what is not applied yet is the customer's unapplied
// cash. An application settles an invoice by a cash amount and, within the terms' discount
// window, an early-pay discount.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "invoicing/invoice.h"

namespace ordo::receivables {

using PaymentId = Id<struct PaymentTag>;

bool IsPaymentMethod(std::string_view method);  // check, ach, wire, card

struct PaymentApplication {
  invoicing::InvoiceId invoice;
  std::string invoice_number;  // invoicing's: the repository asks invoicing for it
  Money amount;                // cash applied
  Money discount;              // early-pay discount allowed with it
  Date applied_date;
  Timestamp at;
};

struct Payment {
  PaymentId id;
  std::string number;  // "PM-000001"
  CustomerId customer;
  std::string customer_code;  // display name: filled by views::NamePayment, or the command
  Money amount;
  Money amount_applied;
  std::string method;
  std::string reference;
  Date received_date;
  std::string currency = "USD";
  int64_t version = 1;
  std::string created_by;
  Timestamp created_at;
  Timestamp updated_at;
  std::vector<PaymentApplication> applications;  // oldest first

  Money unapplied() const { return amount - amount_applied; }
};

// {"id", "number", "customer", "amount", "applied", "unapplied", "method", "reference",
//  "received_date", "currency", "applications": [{"invoice", "amount", "discount",
//  "applied_date"}], "version", "created_at"}.
nlohmann::json ToJson(const Payment& payment);

}  // namespace ordo::receivables
