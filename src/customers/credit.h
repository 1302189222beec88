// A customer's credit position: exposure = open order value + open receivables.
#pragma once

#include "core/ids.h"
#include "core/money.h"
#include "store/database.h"

namespace ordo::customers {

struct CreditPosition {
  Money credit_limit;
  Money open_orders;
  Money open_receivables;
  Money exposure() const { return open_orders + open_receivables; }
  Money available() const { return credit_limit - exposure(); }
};

// REQUIRES: the customer exists.
CreditPosition LoadCreditPosition(store::Connection& conn, CustomerId id);
// Adds `delta` (may be negative) to the customer's open order value.
void AddOpenOrderValue(store::Connection& conn, CustomerId id, Money delta);
// Adds `delta` (may be negative) to the customer's open receivables: invoices add their
// total, payments, discounts and credits applied take theirs off.
void AddOpenReceivables(store::Connection& conn, CustomerId id, Money delta);
// The same, returning the position after the change (with `credit_limit` as given): one
// statement where order entry would otherwise read the position and then update it.
CreditPosition AddOpenOrderValueReturning(store::Connection& conn, CustomerId id, Money delta,
                                          Money credit_limit);

}  // namespace ordo::customers
