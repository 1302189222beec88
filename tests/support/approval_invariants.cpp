// Approvals agree with the holds they wait on: each names a hold of its order and kind; a
// pending one's hold is active on an order not cancelled; an approved one's hold is released; a
// rejected or withdrawn one's order is cancelled.
#include <string>

#include "store/query.h"
#include "support/invariant_checks.h"

namespace ordo::test_support {

void CheckApprovals(store::Connection& conn, Violations& v) {
  store::Query q(conn,
                 "SELECT a.id, a.status, a.kind, h.id, h.order_id = a.order_id, h.kind, "
                 "h.released_at IS NULL, o.cancel_reason IS NOT NULL "
                 "FROM approvals a LEFT JOIN order_holds h ON h.id = a.hold_id "
                 "LEFT JOIN orders o ON o.id = a.order_id");
  while (q.Next()) {
    const std::string approval = "approval " + std::to_string(q.Int(0));
    const std::string status = q.Text(1);
    if (!q.OptInt(3)) {
      v.push_back(approval + " names no hold");
      continue;
    }
    if (!q.Bool(4) || q.Text(5) != q.Text(2)) {
      v.push_back(approval + " names a hold of another order or kind");
    }
    const bool active = q.Bool(6);
    const bool cancelled = q.Bool(7);
    if (status == "pending" && (!active || cancelled)) {
      v.push_back(approval + " is pending but its hold is released or its order cancelled");
    }
    if (status == "approved" && active)
      v.push_back(approval + " is approved but its hold is active");
    if ((status == "rejected" || status == "withdrawn") && !cancelled) {
      v.push_back(approval + " is " + status + " but its order is not cancelled");
    }
  }
}

}  // namespace ordo::test_support
