// Reads and writes of `approvals`. Written by the flows: placement inserts one per hold,
// decisions and hold releases mark it decided, cancellation withdraws what still waits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "approvals/approval.h"
#include "store/database.h"

namespace ordo::approvals {

// Inserts a pending approval and returns its id.
int64_t InsertApproval(store::Connection& conn, const Approval& a);

std::optional<Approval> FindApproval(store::Connection& conn, int64_t id);

// Marks the pending approval of hold `hold_id` decided; false when there is none pending (a
// hold placed before approvals existed, or already decided).
bool MarkDecided(store::Connection& conn, int64_t hold_id, ApprovalStatus status, Timestamp at,
                 std::string_view by, std::string_view note);

// Marks every pending approval of `order` withdrawn (the order was cancelled); their count.
int64_t WithdrawPending(store::Connection& conn, OrderId order, Timestamp at, std::string_view by,
                        std::string_view note);

struct ApprovalFilter {
  std::vector<std::string> kinds;  // empty: every kind
  std::optional<ApprovalStatus> status;
  std::optional<OrderId> order;
};

// Approvals by id ascending (the oldest waits longest), at most `limit` with id > `after`.
// Indexed by (status, kind, id) for the inbox. REQUIRES: limit >= 1.
std::vector<Approval> ListApprovals(store::Connection& conn, const ApprovalFilter& filter,
                                    int64_t after, int limit);

}  // namespace ordo::approvals
