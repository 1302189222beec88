// A customer's statement: its receivables ledger over a period — the opening balance, every
// charge (invoices, refunds) and credit (payments, discounts, credit memos) with a running
// balance, and the closing balance — read from the customer's receivables sub-ledger
// (ledger/receivables_lines.h), so the statement and the ledger can never disagree.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "store/database.h"

namespace ordo::receivables {

struct StatementLine {
  Date date;
  std::string kind;       // invoice, payment, payment_discount, credit_memo, refund
  std::string reference;  // the document's number
  std::string memo;
  Money charge;   // raises what the customer owes
  Money credit;   // lowers it
  Money balance;  // after this line
};

struct Statement {
  CustomerId customer;
  Date from;
  Date to;
  Money opening_balance;  // entries dated before `from`
  std::vector<StatementLine> lines;
  Money closing_balance;
};

// REQUIRES: from <= to.
Statement LoadStatement(store::Connection& conn, CustomerId customer, Date from, Date to);

}  // namespace ordo::receivables
