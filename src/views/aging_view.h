// The aging report as it is shown: receivables::LoadAging (per customer id) with each
// customer's code and name, its rows ordered by code.
#pragma once

#include <optional>

#include "core/clock.h"
#include "core/ids.h"
#include "receivables/aging.h"
#include "store/database.h"

namespace ordo::views {

// receivables::LoadAging, named, with one more query for every customer's code and name.
receivables::AgingReport LoadAging(store::Connection& conn, Date as_of,
                                   std::optional<CustomerId> customer = std::nullopt);

}  // namespace ordo::views
