// Invariants of the store that every command must keep, checked from the tables themselves:
//
//   stock        on_hand >= 0, allocated >= 0, allocated <= on_hand
//   allocations  stock.allocated == SUM(order_allocations) per (item, warehouse); a line's
//                allocations never exceed its open quantity; an order on hold has none
//   movements    on_hand == SUM(receipt + adjustment + ship + return movements), allocated ==
//                SUM(allocate + deallocate + ship movements) per (item, warehouse) (a ship
//                movement of -q is allocated stock leaving: both drop by q); no other kinds;
//                the item index holds exactly the movements up to its through_id
//   credit       customer_balances.open_order_value == SUM over the customer's lines of
//                open + round(open x tax_rate), open = round(unit_price x (quantity -
//                cancelled - invoiced))
//   orders       >= 1 line; an 'order.place' audit row; extended_amount ==
//                round(unit_price x quantity); subtotal == SUM(extended_amount); tax_amount ==
//                round(extended_amount x tax_rate); tax == SUM(tax_amount);
//                numbers SO-000001..SO-N without gaps and the SO sequence at N + 1;
//                the stored orders.status is what the lines, allocations and holds make it
//   shipments    per order line quantity_shipped == SUM(quantity_shipped of its lines on
//                shipped shipments) and shipped + cancelled <= quantity; a shipment line
//                belongs to its shipment's order and nothing is shipped while picking;
//                numbers SH-000001..SH-N without gaps and the SH sequence at N + 1
//   invoices     lines sum to the subtotal and tax; extended == round(unit price x quantity);
//                tax == round(rate x the order line's extension through this invoice) -
//                round(rate x its extension before it) (cumulative per order line); paid
//                exactly when the balance is 0; per order line quantity_invoiced ==
//                SUM(invoice lines) == quantity_shipped; one invoice per shipped shipment;
//                amount_credited == SUM(credit memo applications to it); numbers
//                IN-000001..IN-N without gaps
//   ledger       every journal entry balances (debits == credits > 0); each customer's
//                receivables sub-ledger == SUM(its open invoice balances) - its unapplied
//                cash - SUM(its credit memo balances) == customer_balances.open_receivables;
//                every receivables line names its customer
//   payments     amount_applied == SUM(applications); per invoice amount_paid and
//                discount_taken == SUM(cash and discounts applied to it); applications stay
//                within one customer; orders.settled == (everything not cancelled invoiced
//                and no open invoice); numbers PM-000001..PM-N without gaps
//   returns      per order line returned <= shipped, quantity_returned == SUM(received
//                return lines) == SUM(credit memo lines), returned + awaited on authorized
//                RMAs <= shipped; a return line's received == SUM(its receipts); an RMA is
//                received exactly when nothing is awaited; RA-000001..RA-N without gaps
//   credit memos subtotal and tax == SUM(lines), lines' extension and tax as for invoices,
//                total == subtotal + tax - discount adjustment, applied ==
//                SUM(applications), refunded == SUM(refunds), balance >= 0, status follows
//                the balance; no invoice line credited beyond its quantity;
//                CM-000001..CM-N without gaps
//   approvals    each names a hold of its order and kind; pending: the hold active, the order
//                not cancelled; approved: the hold released; rejected or withdrawn: the
//                order cancelled
//
// round() is half-even to the currency's minor unit. The checker computes every amount and
// status with its own plain arithmetic (checker_arithmetic.h, checker_status.h), never with
// the production functions it checks; each family is one file (invariant_checks.h).
//
// Reads run in one read transaction (a consistent snapshot) unless `conn` is in one already.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/database.h"

namespace ordo::test_support {

// Every violation found, as a readable sentence; empty when all invariants hold.
std::vector<std::string> FindInvariantViolations(store::Connection& conn);

// For EXPECT_TRUE(InvariantsHold(conn)): lists every violation on failure.
::testing::AssertionResult InvariantsHold(store::Connection& conn);

}  // namespace ordo::test_support
