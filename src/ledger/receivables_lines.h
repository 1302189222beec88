// The receivables account (1100) as the receivables reports read it: its balance on a date
// (DSO), and one customer's sub-ledger over a period (the statement). Read from the journal,
// so a report and the ledger can never disagree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "store/database.h"

namespace ordo::ledger {

// Debits less credits of the receivables account in the entries dated on or before `through`
// (all customers').
Money ReceivablesBalance(store::Connection& conn, Date through);

// Debits less credits of `customer`'s receivables lines in the entries dated before `before`.
Money CustomerReceivablesBefore(store::Connection& conn, CustomerId customer, Date before);

struct ReceivablesLine {
  Date date;
  std::string kind;       // the entry's kind: invoice, payment, payment_discount, ...
  std::string reference;  // the document's number
  std::string memo;
  Money debit;
  Money credit;
};

// `customer`'s receivables lines in the entries dated in [from, to], by date, entry and line.
std::vector<ReceivablesLine> CustomerReceivablesLines(store::Connection& conn, CustomerId customer,
                                                      Date from, Date to);

}  // namespace ordo::ledger
