// Receiving a return: what arrived of an RMA, per line, with its disposition, in one command.
//
// Restocked goods go back on hand in the receiving warehouse ("return" stock movement) and
// then serve backorders of the item there (flows/backorder_release.h); scrapped goods create no
// stock. The order lines' quantity_returned grows by what arrived. A credit memo for
// everything received (both dispositions) is issued in the same unit of work: per order line at
// the invoiced unit price and the invoice line's tax rate (the RMA's invoice, or else the order
// line's invoices oldest first, each up to what is not yet credited or awaited against it),
// extended and taxed half-even to the minor unit like invoices. The memo lowers the customer's
// open receivables by its total and posts to the ledger (flows/ledger_postings.h), as do the
// returned goods at cost (restock: inventory; scrap: write-off). The RMA is "received" once
// everything authorized arrived.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/command_context.h"
#include "core/status.h"
#include "flows/backorder_release.h"
#include "invoicing/credit_memo.h"
#include "returns/rma.h"
#include "store/database.h"

namespace ordo::flows {

struct ReceivedLine {
  int line_no = 0;
  int64_t quantity = 0;
  returns::Disposition disposition = returns::Disposition::kRestock;
};

struct ReturnReceiptRequest {
  std::string warehouse;            // code
  std::vector<ReceivedLine> lines;  // a line_no may repeat with another disposition
};

struct ReceivedReturn {
  returns::Rma rma;
  invoicing::CreditMemo credit_memo;
  BackorderRelease release;
};

// Receives `request` on the RMA `id` (see the file comment). Errors: not_found;
// precondition_failed (expected_version is stale); invalid_state (the RMA is no longer
// authorized); invalid_argument (unknown warehouse, a line not on the RMA, more than a line
// still awaits, every problem at once). Nothing is written on error.
Result<ReceivedReturn> ReceiveReturn(store::Connection& conn, const CommandContext& ctx,
                                     returns::ReturnId id, const ReturnReceiptRequest& request,
                                     std::optional<int64_t> expected_version);

}  // namespace ordo::flows
