// An approval: one hold that order placement put an order on, waiting for a decision by the
// role that decides its kind (approval and pricing: sales_manager; credit: ar_clerk). The row
// (table `approvals`, migration 0020) is written in the same unit of work as the hold and keeps
// the matched rules with their figures; the hold itself stays the orders module's.
//
// Status: pending until decided; approved (the hold was released, through an approval or the
// order's own hold release), rejected (the order was cancelled with the note), or withdrawn
// (the order was cancelled otherwise while the approval waited).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"

namespace ordo::approvals {

enum class ApprovalStatus { kPending, kApproved, kRejected, kWithdrawn };
std::string_view StatusName(ApprovalStatus s);
std::optional<ApprovalStatus> StatusFromName(std::string_view name);
inline constexpr std::string_view kStatusChoices = "pending, approved, rejected, withdrawn";

struct Approval {
  int64_t id = 0;
  OrderId order;
  int64_t hold_id = 0;
  std::string kind;  // the hold's kind: approval, pricing or credit
  std::string reason;
  nlohmann::json rules = nlohmann::json::array();  // approvals::MatchesJson of the matches
  CustomerId customer;
  Money order_total;       // the order's total when it was held
  std::string entered_by;  // the order's created_by: who may not decide
  ApprovalStatus status = ApprovalStatus::kPending;
  Timestamp created_at;
  std::optional<Timestamp> decided_at;
  std::optional<std::string> decided_by;
  std::optional<std::string> note;
};

}  // namespace ordo::approvals

namespace ordo::approvals {

// The approval as the API shows it, with the order's number and the customer's code that a
// read model found (views/approval_view.h): {"id", "order_id", "order", "customer", "kind",
// "status", "reason", "rules", "order_total", "entered_by", "created_at", "decided_at",
// "decided_by", "note"}.
nlohmann::json ToJson(const Approval& a, std::string_view order_number,
                      std::string_view customer_code);

}  // namespace ordo::approvals
