// Deciding an approval (approvals/approval.h): approving releases its hold through
// flows::ReleaseHold, which allocates the order when no other hold is left; rejecting cancels
// the order through flows::CancelOrder with the note as its reason. Each is one unit of work,
// audited ("approval.approve", "approval.reject") and published ("approval.approved",
// "approval.rejected"). Who may decide which kind is the caller's permission (the API checks
// "approvals.decide_<kind>" before calling); who entered or changed the order may never decide on
// it.
#pragma once

#include <cstdint>
#include <string>

#include "approvals/approval.h"
#include "core/command_context.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

struct DecidedApproval {
  approvals::Approval approval;
  orders::Order order;
};

// Errors: not_found (no approval `id`), invalid_state (it is no longer pending), forbidden
// with own_order at "order" (the actor entered or changed the order), invalid_argument at "note"
// (not acceptable text; a rejection's note is required), and those of ReleaseHold or CancelOrder.
Result<DecidedApproval> ApproveApproval(store::Connection& conn, const CommandContext& ctx,
                                        int64_t id, const std::string& note);
Result<DecidedApproval> RejectApproval(store::Connection& conn, const CommandContext& ctx,
                                       int64_t id, const std::string& note);

}  // namespace ordo::flows
