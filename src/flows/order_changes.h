// Changes to a placed order: cancellation and hold release. Each is one unit of work.
#pragma once

#include <optional>
#include <string>

#include "core/command_context.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

// Cancels every unshipped quantity and gives its stock back, which then serves other orders'
// backorders in the same unit of work (flows::ReleaseBackorders).
// Errors: invalid_argument (no reason), not_found, invalid_state (already cancelled, or
// nothing left to cancel), precondition_failed (expected_version is stale).
Result<orders::Order> CancelOrder(store::Connection& conn, const CommandContext& ctx, OrderId id,
                                  const std::string& reason,
                                  std::optional<int64_t> expected_version);

// Releases the order's active hold of `kind`; when no hold is left, the order is allocated.
// Errors: not_found, invalid_state (no such active hold, or the order is cancelled),
// forbidden (the releasing actor entered or changed the order: segregation of duties),
// precondition_failed (stale expected_version).
Result<orders::Order> ReleaseHold(store::Connection& conn, const CommandContext& ctx, OrderId id,
                                  const std::string& kind, const std::string& note,
                                  std::optional<int64_t> expected_version);

}  // namespace ordo::flows
