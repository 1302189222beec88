// A line's share of the customer's open order value (customer_balances.open_order_value), the
// figure the credit check adds to open receivables: what the customer will owe for the line's
// quantity that is neither cancelled nor invoiced, tax included, because an invoice bills the
// tax too. It is the extension of that quantity (pricing::ExtendedAmount) plus its tax at the
// rate the line was placed with (invoicing::TaxOn). Placement adds it for every line
// (subtotal + tax), cancellation and invoicing take off the difference before and after, so
// the running figure is always this sum over the open lines, which the invariant checker
// recomputes.
#pragma once

#include "core/money.h"
#include "orders/order.h"

namespace ordo::flows {

Money OpenOrderValue(const orders::OrderLine& line, const Currency& currency);

}  // namespace ordo::flows
