// The demo's quotes (issue 14): after the pricing rules, sales make a few quotes so that the
// quotes screen has each kind at `make run`: one open and valid, one revised (two versions), one
// expired and one accepted into an order.
#pragma once

#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "demo/demo_accounts.h"
#include "demo/demo_catalog.h"
#include "store/command_executor.h"

namespace ordo::demo {

struct QuoteCounts {
  int quotes = 0;
  int orders = 0;  // placed by accepting
  int order_lines = 0;
  Money order_value;  // their subtotals
};

// Makes the quotes on days before `now` (as "user:sales"). Fails with the first command that
// fails.
Result<QuoteCounts> CreateDemoQuotes(store::CommandExecutor& exec,
                                     const std::vector<DemoItem>& catalog,
                                     const std::vector<DemoCustomer>& customers, Timestamp now);

}  // namespace ordo::demo
