// The demo's resale certificates: the last two customers that are not exempt everywhere hold a
// certificate for their home ship-to's region, one valid past the history and one that expired
// halfway through it (its orders before that day are untaxed, later ones taxed again, and an
// order placed before and invoiced after is billed tax), so `make run` shows both.
#pragma once

#include <vector>

#include "demo/demo_accounts.h"
#include "demo/demo_batch.h"
#include "demo/demo_calendar.h"

namespace ordo::demo {

// Adds the certificates' commands to `batch`, after the customers' (it names them by code).
void AddDemoTaxExemptions(CommandBatch& batch, const std::vector<DemoCustomer>& customers,
                          const HistoryWindow& window);

}  // namespace ordo::demo
