// The demo's changed orders: that morning the desk changes three of the open orders the
// history left (flows::ChangeOrder), so that an order page and its audit show a change before
// and after at `make run`: one line's quantity doubled and another line given a requested date
// of its own, a configured safety cabinet added to another order, and a line added to a third.
#pragma once

#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "demo/demo_catalog.h"
#include "store/command_executor.h"

namespace ordo::demo {

// Changes up to three open orders at `at` as "user:sales"; returns how many it changed. An
// order the change does not fit (its rules, its stock) is passed over for the next; fails only
// with an error that is not the order's own (a bug).
Result<int> RunDemoOrderChanges(store::CommandExecutor& exec, const std::vector<DemoItem>& catalog,
                                Timestamp at);

}  // namespace ordo::demo
