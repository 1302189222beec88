// Returns in the demo distributor's last days, so that receivables has credit memos to work:
// a few customers send back part of a recent, unpaid invoice's largest line (damaged goods
// are scrapped, the rest restocked); the warehouse receives all but the last RMA, which still
// waits for its goods; each receipt issues a credit memo at the invoiced price; accounts
// receivable applies some memos to their invoices and refunds one, and the rest stay open.
//
// Everything goes through the domain commands (flows::AuthorizeReturn, ReceiveReturn,
// ApplyCreditMemo, RefundCreditMemo) at times inside the history window, after the history
// ran: it draws from its own random stream, so the rest of the demo is unchanged by it.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "demo/demo_calendar.h"
#include "store/command_executor.h"

namespace ordo::demo {

// The number of RMAs made (at most `count`; fewer when few invoices qualify).
Result<int> RunDemoReturns(store::CommandExecutor& exec, const HistoryWindow& window, uint64_t seed,
                           int count = 9);

}  // namespace ordo::demo
