// The orders the benchmarks place: valid request bodies for POST /api/v1/orders drawn from the
// demo database, the same for the HTTP run and the in-process run.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo_load.h"

namespace ordo::bench {

// `count` JSON bodies of `lines` lines each, reproducible for `seed`: a random customer off
// hold and one of its ship-tos, distinct random active SKUs, each line either a whole number
// of one of the SKU's packs ({"quantity": 2, "uom": "CS"}) or, for a SKU sold by the base
// unit only, 1 to 24 base units. Channel "api", a PO number per body.
// REQUIRES: mix has at least `lines` SKUs and one buyer.
std::vector<std::string> MakeOrderBodies(const DemoMix& mix, int count, int lines, uint64_t seed);

}  // namespace ordo::bench
