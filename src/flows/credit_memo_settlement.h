// Settling a credit memo: applying its balance to the customer's open invoices, or refunding
// it. Each is one command that writes the memo, the invoices, audit records and an event.
//
// Applying changes nothing net on receivables: the invoice's amount_credited grows as the
// memo's amount_applied does, so neither open receivables nor the ledger move. A refund pays
// the balance out: the memo's amount_refunded grows, receivables (the customer's) are debited
// against cash, and the customer's open receivables grow back by the amount.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/command_context.h"
#include "core/money.h"
#include "core/status.h"
#include "invoicing/credit_memo.h"
#include "store/database.h"

namespace ordo::flows {

struct MemoApplication {
  std::string invoice;  // a path-style reference: the id as digits, or the number
  Money amount;
};

// Applies each amount to its invoice. Errors: not_found (the memo); precondition_failed
// (expected_version is stale); invalid_state (the memo has no balance left); invalid_argument
// (an unknown or void invoice or one of another customer, an amount not in whole minor
// units, beyond an invoice's balance, or all of them beyond the memo's balance). Nothing is
// written on error.
Result<invoicing::CreditMemo> ApplyCreditMemo(store::Connection& conn, const CommandContext& ctx,
                                              invoicing::CreditMemoId id,
                                              const std::vector<MemoApplication>& applications,
                                              std::optional<int64_t> expected_version);

struct MemoRefund {
  Money amount;
  std::string method;  // check, ach, wire, card
  std::string reference;
};

// Refunds `refund.amount` of the memo's balance. Errors: not_found; precondition_failed;
// invalid_state (no balance left); invalid_argument (amount beyond the balance or not in whole
// minor units). Nothing is written on error.
Result<invoicing::CreditMemo> RefundCreditMemo(store::Connection& conn, const CommandContext& ctx,
                                               invoicing::CreditMemoId id, const MemoRefund& refund,
                                               std::optional<int64_t> expected_version);

}  // namespace ordo::flows
