// Replays the planned history through the domain commands, in time order.
#pragma once

#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "demo/demo_calendar.h"
#include "demo/demo_orders.h"
#include "demo/demo_random.h"
#include "demo/demo_stock.h"
#include "store/command_executor.h"

namespace ordo::demo {

struct HistoryCounts {
  int receipts = 0;
  int orders = 0;
  int order_lines = 0;
  int held = 0;      // placed on a credit hold
  int released = 0;  // of those, released later
  Money value;       // sum of the placed orders' subtotals
};

// Runs the opening receipts, then each day of `window` in time order: its receipts, its
// orders (flows::PlaceOrder as their actor at their time) and the follow-ups decided on
// earlier days. From what each order came to, follow-ups land on later days of the window:
// most credit-limit holds released by "user:ar.clerk", some held orders cancelled, and about
// 5% of the others cancelled. At the end of each business day the back office ships and
// collects (demo_back_office.h). Each day is submitted at once and waited for, so the executor
// commits it in a few large batches. Fails with the first command that fails.
Result<HistoryCounts> RunHistory(store::CommandExecutor& exec,
                                 const std::vector<PlannedOrder>& orders,
                                 const std::vector<PlannedReceipt>& receipts,
                                 const HistoryWindow& window, DemoRandom& rng);

}  // namespace ordo::demo
