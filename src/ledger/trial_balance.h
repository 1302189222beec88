// The trial balance: per account, the sum of debits and credits posted up to a date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "ledger/accounts.h"
#include "store/database.h"

namespace ordo::ledger {

struct AccountBalance {
  Account account;
  Money debit;
  Money credit;
  Money balance() const { return debit - credit; }  // positive: a debit balance
};

struct TrialBalance {
  std::optional<Date> as_of;             // entries dated on or before; every entry when empty
  std::vector<AccountBalance> accounts;  // every account of the chart, in code order
  Money total_debit;
  Money total_credit;
  bool balanced() const { return total_debit == total_credit; }
};

TrialBalance LoadTrialBalance(store::Connection& conn, std::optional<Date> as_of);

// The receivables balance (debits - credits on accounts receivable) of one customer, or of
// every customer when `customer` is empty.
Money ReceivablesBalance(store::Connection& conn, std::optional<CustomerId> customer);

}  // namespace ordo::ledger
