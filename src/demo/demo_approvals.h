// The demo's approval rules and the orders that wait on them: after the history, the sales
// manager sets three rules (a discount over 20%, an order total over 25,000, a customer's first
// order), and that morning's desk enters a few orders that match them (and one of a customer on
// hold, for the AR clerk), so the approvals inbox has work at `make run`.
#pragma once

#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "demo/demo_accounts.h"
#include "demo/demo_catalog.h"
#include "store/command_executor.h"

namespace ordo::demo {

struct ApprovalCounts {
  int rules = 0;
  int orders = 0;  // placed, every one held
  int order_lines = 0;
  Money value;  // their subtotals
};

// Creates the rules at `at` (as "user:manager") and places the held orders a few minutes later
// (as "user:sales", so that the demo's manager may decide on them). Fails with the first
// command that fails, or internal when an order it means to hold is not held.
Result<ApprovalCounts> RunDemoApprovals(store::CommandExecutor& exec,
                                        const std::vector<DemoItem>& catalog,
                                        const std::vector<DemoCustomer>& customers, Timestamp at);

}  // namespace ordo::demo
