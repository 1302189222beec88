#include "approvals/approval.h"

#include <array>
#include <utility>

namespace ordo::approvals {
namespace {

constexpr std::array<std::pair<ApprovalStatus, std::string_view>, 4> kStatuses = {{
    {ApprovalStatus::kPending, "pending"},
    {ApprovalStatus::kApproved, "approved"},
    {ApprovalStatus::kRejected, "rejected"},
    {ApprovalStatus::kWithdrawn, "withdrawn"},
}};

}  // namespace

std::string_view StatusName(ApprovalStatus s) {
  for (const auto& [status, name] : kStatuses) {
    if (status == s) return name;
  }
  return "";
}

std::optional<ApprovalStatus> StatusFromName(std::string_view name) {
  for (const auto& [status, n] : kStatuses) {
    if (n == name) return status;
  }
  return std::nullopt;
}

}  // namespace ordo::approvals

namespace ordo::approvals {

nlohmann::json ToJson(const Approval& a, std::string_view order_number,
                      std::string_view customer_code) {
  auto opt = [](const std::optional<std::string>& s) {
    return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
  };
  return {{"id", a.id},
          {"order_id", a.order.value()},
          {"order", order_number},
          {"customer", customer_code},
          {"kind", a.kind},
          {"status", StatusName(a.status)},
          {"reason", a.reason},
          {"rules", a.rules},
          {"order_total", a.order_total.Format(2)},
          {"entered_by", a.entered_by},
          {"created_at", FormatRfc3339(a.created_at)},
          {"decided_at", a.decided_at ? nlohmann::json(FormatRfc3339(*a.decided_at)) : nullptr},
          {"decided_by", opt(a.decided_by)},
          {"note", opt(a.note)}};
}

}  // namespace ordo::approvals
