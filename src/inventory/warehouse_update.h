// Changing a warehouse: its name, address and allocation rank. Its code never changes (stock,
// shipments and ship-to preferences refer to it by id, requests by code).
#pragma once

#include "core/command_context.h"
#include "core/status.h"
#include "inventory/warehouse.h"
#include "store/database.h"

namespace ordo::inventory {

// Stores `changed` over the warehouse with its id (code ignored), with an audit row and a
// warehouse.updated event. Warehouses carry no version: the last change wins.
// REQUIRES: changed.id names a warehouse. Errors: invalid_argument.
Result<Warehouse> UpdateWarehouse(store::Connection& conn, const CommandContext& ctx,
                                  Warehouse changed);

}  // namespace ordo::inventory
