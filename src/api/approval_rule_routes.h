// Approval rules: the thresholds that hold an order at entry (approvals/approval_rule.h).
//
//   GET   /api/v1/approval-rules (approval_rules.read) → {"items": [rule...], "next_cursor":
//         null}, every rule by code
//   POST  /api/v1/approval-rules {"code", "name", "kind", "threshold", "hold_kind", "active"}
//         (approval_rules.write) → 201 the rule, ETag its version; 409 duplicate code
//   GET   /api/v1/approval-rules/{code} (approval_rules.read) → the rule, ETag
//   PATCH /api/v1/approval-rules/{code} {"name", "threshold", "hold_kind", "active"}, If-Match
//         (approval_rules.write) → 200 the rule; 412 when stale
//
// A rule is {"id", "code", "name", "kind", "threshold", "hold_kind", "active", "version",
// "created_at", "updated_at"}; the threshold is a percentage ("20.00") for discount_over and
// margin_under, an amount ("25000.00") for order_total_over, null for the other kinds.
// Orders placed after a change are held by the rules as changed.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddApprovalRuleRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
