// The invariant checker's families, one file each; invariants.cpp runs them all in one read
// snapshot. Each appends a readable sentence per violation it finds to `v`.
//
//   stock_invariants.cpp     stock levels, the movements that explain them, the item index
//   order_invariants.cpp     orders, their lines and allocations, stored status, open value
//   shipment_invariants.cpp  shipped quantities and shipment lines
//   invoice_invariants.cpp   invoices and the payments applied to them
//   return_invariants.cpp    returns (RMAs) and credit memos
//   ledger_invariants.cpp    the general ledger and each customer's receivables sub-ledger
//   document_numbers.cpp     document numbers without gaps, sequences in step
//   approval_invariants.cpp  approvals and the holds they wait on
//
// Amounts and statuses are recomputed with the checker's own arithmetic
// (checker_arithmetic.h, checker_status.h), never with the production functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace ordo::test_support {

using Violations = std::vector<std::string>;

void CheckStock(store::Connection& conn, Violations& v);
void CheckMovementItemIndex(store::Connection& conn, Violations& v);

void CheckOrders(store::Connection& conn, Violations& v);
void CheckOpenOrderValue(store::Connection& conn, Violations& v);
void CheckStoredStatus(store::Connection& conn, Violations& v);
void CheckAwaitingStock(store::Connection& conn, Violations& v);

void CheckShipments(store::Connection& conn, Violations& v);

void CheckInvoices(store::Connection& conn, Violations& v);
void CheckPayments(store::Connection& conn, Violations& v);

void CheckReturns(store::Connection& conn, Violations& v);
void CheckCreditMemos(store::Connection& conn, Violations& v);

void CheckLedger(store::Connection& conn, Violations& v);

void CheckApprovals(store::Connection& conn, Violations& v);

// Numbers PREFIX-000001..PREFIX-N in `table` without gaps, and the sequence PREFIX at N + 1.
// `table` is one of the callers' constants, never input; `noun` names a row in messages.
void CheckNumbering(store::Connection& conn, const std::string& table, const std::string& noun,
                    const std::string& prefix, Violations& v);

// The currency's minor digits, or nullopt after reporting an unknown code for `what`.
std::optional<int> CurrencyDigits(const std::string& code, const std::string& what, Violations& v);

// The lines of a priced document (invoice, credit memo) that `sql` selects as (number,
// line_no, unit_price, quantity, extended_amount, currency, tax_rate_ppm, tax_amount,
// quantity_before): each extension is unit price x quantity and each tax is cumulative over
// the order line's documents (invoicing/sales_tax.h): the rounded tax of the extension of
// quantity_before + quantity less that of quantity_before, where quantity_before is what
// earlier documents of the same order line billed (0 for a credit memo, taxed on its own),
// each rounding half-even in the document currency's minor unit. `document` names it in messages.
// `sql` is a constant.
void CheckDocumentLines(store::Connection& conn, const std::string& sql,
                        const std::string& document, Violations& v);

// An amount in stored units as text with four decimals, for messages.
std::string Units(int64_t units);

}  // namespace ordo::test_support
