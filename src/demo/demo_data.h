// `ordo demo-data`: a believable distributor, made only through the domain commands.
//
// GenerateDemoData() writes price tiers, three warehouses, an MRO catalog, customers with
// ship-tos and credit limits, opening stock and 13 months of order history with weekly
// replenishment, cancellations and credit holds (some released by accounts receivable). Every
// row comes from the command real use would run (CreateItem, CreateCustomer, ReceiveStock,
// PlaceOrder, CancelOrder, ReleaseHold...), at a past time and as a believable actor, so each
// has its audit record and event. The same seed and `now` give the same data.
#pragma once

#include <cstdint>

#include "core/clock.h"
#include "core/money.h"
#include "core/status.h"
#include "store/command_executor.h"

namespace ordo::demo {

struct DemoOptions {
  int items = 600;
  int customers = 60;
  // 13 months and a few days: the dashboard compares a period with the same days a year
  // earlier, so the last five weeks have their year-ago days in the history too.
  int history_days = 400;
  int orders_per_day = 40;  // on an average business day
  uint64_t seed = 42;
};

struct DemoSummary {
  int price_tiers = 0;
  int price_lists = 0;
  int contracts = 0;
  int promotions = 0;
  int quotes = 0;  // one open, one revised, one expired, one accepted
  int warehouses = 0;
  int items = 0;
  int inactive_items = 0;
  int customers = 0;
  int ship_tos = 0;
  int receipts = 0;
  int orders = 0;
  int order_lines = 0;
  int held_orders = 0;  // placed on a credit hold
  int released_holds = 0;
  int cancelled_orders = 0;
  int shipments = 0;  // confirmed, each with its invoice
  int payments = 0;
  Money open_receivables;  // what customers still owe, net of unapplied cash
  Money order_value;       // sum of the orders' subtotals as placed
  Date first_day;          // of the order history
  Date last_day;
};

// Errors: invalid_argument (options out of range: items 10..20000, customers 1..5000,
// history_days 1..730, orders_per_day 0..2000), invalid_state (the database already has
// items, customers, warehouses or orders: demo data goes only into an empty one). A command
// that fails midway (which would be a bug) ends the run with its error; what was committed
// before stays, as with any commands.
Result<DemoSummary> GenerateDemoData(store::CommandExecutor& exec, const DemoOptions& options,
                                     Timestamp now);

}  // namespace ordo::demo
