// Cash receipts: receiving a customer's payment and applying it to its invoices, at once or
// later. Each command is one unit of work that writes the payment, the invoices it settles,
// the customer's receivables, the ledger, audit records and outbox events.
//
// Rules: a payment can never be applied beyond its own amount (its unapplied cash) nor an
// invoice beyond its balance; an invoice is the payment's customer's; an early-pay discount
// is allowed only when the payment was received on or before the invoice's discount date,
// never beyond the terms' discount less what was already taken, and only with the
// application that settles the invoice (cash + discount == balance). An application is dated
// the payment's received date, or the invoice's date when the payment came first. What is not
// applied stays as unapplied cash, for a later application.
//
// Money: receiving posts debit cash, credit receivables (the customer's) by the amount and
// lowers the customer's open receivables by it; applying cash moves nothing in the ledger
// (it is already off receivables) but settles the invoices; a discount posts debit sales
// discounts, credit receivables and lowers open receivables by it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/command_context.h"
#include "core/money.h"
#include "core/status.h"
#include "receivables/payment.h"
#include "store/database.h"

namespace ordo::flows {

struct ApplicationRequest {
  std::string invoice;  // id (digits) or number
  Money amount;
  Money discount;
};

struct PaymentRequest {
  std::string customer;  // code or id
  Money amount;
  std::string method;
  std::string reference;
  std::optional<Date> received_date;  // default: the command's date
  std::vector<ApplicationRequest> applications;
};

// Receives the payment and applies what it lists. Errors: not_found (customer);
// invalid_argument (received_date in the future; an application that does not fit, see the
// file comment; every problem at once). Nothing is written on error.
Result<receivables::Payment> ReceivePayment(store::Connection& conn, const CommandContext& ctx,
                                            const PaymentRequest& request);

// Applies unapplied cash of a payment. Errors: not_found; invalid_argument as above;
// precondition_failed (expected_version is stale).
Result<receivables::Payment> ApplyPayment(store::Connection& conn, const CommandContext& ctx,
                                          receivables::PaymentId payment,
                                          const std::vector<ApplicationRequest>& applications,
                                          std::optional<int64_t> expected_version);

}  // namespace ordo::flows
