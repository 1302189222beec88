// The version of the reference data an order is validated and priced against: items and their
// packs, customers and their ship-tos, price tiers, warehouses (migration 0011), configurators
// (0019) and approval rules (0020). Triggers bump it in the transaction of any change to those
// tables, so two equal readings mean none of them changed in between, whatever code changed them.
#pragma once

#include <cstdint>

#include "store/database.h"

namespace ordo::flows {

int64_t ReadReferenceVersion(store::Connection& conn);

}  // namespace ordo::flows
