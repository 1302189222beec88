// Approvals as the inbox shows them: approvals::ListApprovals / FindApproval with each one's
// order number and customer code, one batched lookup per module for a whole page.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "approvals/approval.h"
#include "store/database.h"

namespace ordo::views {

// The approvals as JSON (approvals::ToJson), named: two queries whatever their count.
nlohmann::json ApprovalsJson(store::Connection& conn, const std::vector<approvals::Approval>& rows);
nlohmann::json ApprovalJson(store::Connection& conn, const approvals::Approval& a);

}  // namespace ordo::views
