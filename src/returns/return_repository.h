// Reads and writes of returns, their lines and receipts. Building blocks for the flows that
// authorize and receive returns; they run inside the caller's unit of work.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "returns/rma.h"
#include "store/database.h"

namespace ordo::returns {

// The next RMA number ("RA-000042"), without gaps: taken inside the command's unit of work, so
// a rolled-back command gives its number back.
std::string NextReturnNumber(store::Connection& conn);

// Writes the header and lines (no receipts); fills in rma.id. REQUIRES: at least one line, no
// line_no twice.
void InsertReturn(store::Connection& conn, Rma& rma);

// Stores a receipt: the lines' quantity_received and the status of `rma` as changed in memory,
// the new receipt rows, version + 1 and updated_at = `at`. Returns false (and writes nothing)
// unless the stored RMA is still at `rma.version`.
bool StoreReceipt(store::Connection& conn, const Rma& rma,
                  const std::vector<ReturnReceipt>& receipts, Timestamp at);

// Header, lines and receipts, with invoicing's numbers but no other display names (see Rma).
std::optional<Rma> LoadReturn(store::Connection& conn, ReturnId id);
std::optional<Rma> LoadReturnByNumber(store::Connection& conn, std::string_view number);

// How other modules' documents name an RMA: its number and order (a credit memo shows both).
struct ReturnRef {
  ReturnId id;
  std::string number;
  OrderId order;
};
// The RMAs `ids` names (an id with no RMA is absent), in one statement.
std::unordered_map<ReturnId, ReturnRef> ReturnRefsOf(store::Connection& conn,
                                                     const std::vector<ReturnId>& ids);

// Authorized but not yet received, on RMAs still authorized: of an order line, and of one
// invoice line (the RMAs naming `invoice`, for its line `line_no`).
int64_t OutstandingForOrderLine(store::Connection& conn, OrderLineId line);
int64_t OutstandingAgainstInvoice(store::Connection& conn, invoicing::InvoiceId invoice,
                                  int line_no);

struct ReturnFilter {
  std::optional<CustomerId> customer;
  std::optional<ReturnStatus> status;
  std::optional<OrderId> order;
};
// At most `limit` RMAs (headers and lines, no receipts) matching `filter` with id < `before`,
// newest first. REQUIRES: limit >= 1.
std::vector<Rma> ListReturns(store::Connection& conn, const ReturnFilter& filter,
                             std::optional<ReturnId> before, int limit);

}  // namespace ordo::returns
