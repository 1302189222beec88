// What invoicing knew on a past date, for the receivables reports (receivables/aging.h): the
// invoices dated by then with what credit memos had settled of them, the credit memos still
// open then, and the credit sales of a period. Each is one set-based statement over
// invoicing's own tables; cash applied (receivables') is taken off by the caller.
#pragma once

#include <optional>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "invoicing/invoice.h"
#include "store/database.h"

namespace ordo::invoicing {

struct InvoiceAsOf {
  InvoiceId invoice;
  CustomerId customer;
  Date due_date;
  Money total_less_credits;  // total less the credit memo applications made by then
};

// The invoices dated on or before `as_of`, not void, that may still have owed something at
// the end of that day: open ones, and paid ones last settled after it (an invoice paid and
// last settled by then owed nothing, so settled history is skipped). Credit memo
// applications are times: those before the next day's start (UTC) count. Of `customer`
// only, when given.
std::vector<InvoiceAsOf> InvoicesOpenAsOf(store::Connection& conn, Date as_of,
                                          std::optional<CustomerId> customer);

// Per customer, the credit memos dated by `as_of` less what was applied or refunded of them
// by the end of that day (customers with none are absent).
std::unordered_map<CustomerId, Money> OpenCreditsAsOf(store::Connection& conn, Date as_of,
                                                      std::optional<CustomerId> customer);

// The total of the invoices (not void) dated in (after, through].
Money CreditSales(store::Connection& conn, Date after, Date through);

}  // namespace ordo::invoicing
