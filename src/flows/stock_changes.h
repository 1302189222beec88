// Stock changes as the channels run them: the inventory command, then the release of the
// backorders the new stock can serve (flows/backorder_release.h), in one unit of work.
#pragma once

#include "core/command_context.h"
#include "core/status.h"
#include "flows/backorder_release.h"
#include "inventory/stock_commands.h"
#include "store/database.h"

namespace ordo::flows {

// inventory::ReceiveStock, then ReleaseBackorders for every received (item, warehouse).
// Errors: those of inventory::ReceiveStock (nothing is received or released then).
Result<BackorderRelease> ReceiveStock(store::Connection& conn, const CommandContext& ctx,
                                      const inventory::Receipt& receipt);

// inventory::AdjustStock; a positive delta then releases backorders of the item in the
// warehouse. Errors: those of inventory::AdjustStock.
Result<BackorderRelease> AdjustStock(store::Connection& conn, const CommandContext& ctx,
                                     const inventory::Adjustment& adjustment);

}  // namespace ordo::flows
