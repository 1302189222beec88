// How many payments were received, for summaries (the demo's).
#pragma once

#include <cstdint>

#include "store/database.h"

namespace ordo::receivables {

// The number of payments received, applied or not.
int64_t CountPayments(store::Connection& conn);

}  // namespace ordo::receivables
