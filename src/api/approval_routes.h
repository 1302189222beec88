// Approvals: the orders held by approval rules, waiting for a decision (approvals/approval.h).
//
//   GET  /api/v1/approvals?kind=&status=&limit=&cursor= (approvals.read) → {"items":
//        [approval...], "next_cursor"}, oldest first; without `kind`, the kinds the caller may
//        decide (approval and pricing for a sales manager, credit for an AR clerk, all for an
//        admin); `status` is pending, approved, rejected or withdrawn (every status without it)
//   GET  /api/v1/approvals/{id} (approvals.read) → the approval
//   POST /api/v1/approvals/{id}/approve {"note"} (approvals.decide_<kind>) → 200 the approval
//        decided; its hold is released, and the order allocated when no hold is left
//   POST /api/v1/approvals/{id}/reject {"note"} (approvals.decide_<kind>, note required) →
//        200 the approval decided; the order is cancelled with the note as its reason
//
// Deciding: 403 forbidden for a kind the caller may not decide, and with the error own_order
// at "order" for the one who entered the order; 409 invalid_state once it is decided.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddApprovalRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
