// Order settlement: an order whose every non-cancelled unit is invoiced and whose invoices
// are all paid or credited is settled, and its derived status is `closed`. The flows that
// create or settle invoices (shipment confirmation, payments, credit memos) call this after
// they change an order's invoices.
#pragma once

#include "core/command_context.h"
#include "core/ids.h"
#include "store/database.h"

namespace ordo::flows {

// Recomputes `orders.settled` (and the stored status) of `order` from its lines and invoices;
// publishes "order.closed" when it becomes settled. Writes nothing when nothing changed.
// Returns whether the order is settled.
bool RefreshOrderSettlement(store::Connection& conn, const CommandContext& ctx, OrderId order);

}  // namespace ordo::flows
