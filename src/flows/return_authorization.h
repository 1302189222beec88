// Authorizing a return (RMA) of shipped goods: one command that checks what may come back and
// writes the RMA, its audit record and its "return.authorized" event.
//
// Limits per order line: never more than shipped minus what is returned or still authorized
// on open RMAs; against an invoice, also never more than that invoice line's quantity minus
// what memos credited against it and what open RMAs naming the invoice still await.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/command_context.h"
#include "core/status.h"
#include "invoicing/invoice.h"
#include "returns/rma.h"
#include "store/database.h"

namespace ordo::flows {

struct ReturnRequestLine {
  int line_no = 0;  // the order line's number
  int64_t quantity = 0;
  std::string reason;
};

struct ReturnRequest {
  // Exactly one is set: a path-style reference (the id as digits, or the number).
  std::string order;
  std::string invoice;
  std::vector<ReturnRequestLine> lines;
};

// Authorizes the return of `lines` of `order` (against `invoice` when set, which must be an
// invoice of that order). Errors: not_found (order, invoice); invalid_state (nothing of the
// order shipped; the invoice is void); invalid_argument (every line not on the order or the
// invoice, or above its limit). Nothing is written on error.
Result<returns::Rma> AuthorizeReturn(store::Connection& conn, const CommandContext& ctx,
                                     OrderId order, std::optional<invoicing::InvoiceId> invoice,
                                     const std::vector<ReturnRequestLine>& lines);

}  // namespace ordo::flows
