// Reads and writes of credit memos, their lines, applications and refunds. Building blocks for
// the flows that issue and settle memos; they run inside the caller's unit of work.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "invoicing/credit_memo.h"
#include "invoicing/invoice.h"
#include "store/database.h"

namespace ordo::invoicing {

// The next memo number ("CM-000042"), without gaps (taken inside the command's unit of work).
std::string NextCreditMemoNumber(store::Connection& conn);

// Writes the header and lines with the status the amounts make; fills in memo.id and status.
// REQUIRES: total = subtotal + tax, the lines sum to them, at least one line.
void InsertCreditMemo(store::Connection& conn, CreditMemo& memo);

// Stores amount_applied, amount_refunded and the status they make, with version + 1. Returns
// false (and writes nothing) unless the stored memo is still at `memo.version`.
bool StoreCreditMemoSettlement(store::Connection& conn, const CreditMemo& memo, Timestamp at);
void InsertApplication(store::Connection& conn, CreditMemoId memo, InvoiceId invoice, Money amount,
                       Timestamp at, std::string_view actor);
void InsertRefund(store::Connection& conn, CreditMemoId memo, const CreditMemoRefund& refund,
                  std::string_view actor);

// Header, lines, applications and refunds, without other modules' names (see CreditMemo).
std::optional<CreditMemo> LoadCreditMemo(store::Connection& conn, CreditMemoId id);
std::optional<CreditMemo> LoadCreditMemoByNumber(store::Connection& conn, std::string_view number);

// The numbers of the memos `ids` names (an id with no memo is absent), in one statement.
std::unordered_map<CreditMemoId, std::string> CreditMemoNumbersOf(
    store::Connection& conn, const std::vector<CreditMemoId>& ids);

// The quantity of invoice line (invoice, line_no) that credit memos have credited.
int64_t CreditedQuantity(store::Connection& conn, InvoiceId invoice, int line_no);

// What credit memos credited on an invoice: the gross (amounts + tax) and the early-pay
// discount given back with it.
struct CreditedOnInvoice {
  Money gross;
  Money discount_adjustment;
};
CreditedOnInvoice CreditedOn(store::Connection& conn, InvoiceId invoice);

// The early-pay discount a payment received on `paid_on` may still take on `invoice`: the
// terms' percentage of what is left to bill once credited goods are taken off (a customer
// that returned half the goods before paying earns the discount on the half it kept), less
// what was taken already; 0 after the discount date or without a discount.
Money EarlyPayDiscountAllowed(store::Connection& conn, const Invoice& invoice, Date paid_on);

struct CreditMemoFilter {
  std::optional<CustomerId> customer;
  std::optional<CreditMemoStatus> status;
};
// At most `limit` memos (headers only) matching `filter` with id < `before`, newest first.
// REQUIRES: limit >= 1.
std::vector<CreditMemo> ListCreditMemos(store::Connection& conn, const CreditMemoFilter& filter,
                                        std::optional<CreditMemoId> before, int limit);

}  // namespace ordo::invoicing
