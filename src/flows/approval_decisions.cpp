#include "flows/approval_decisions.h"

#include "approvals/approval_repository.h"
#include "audit/audit_log.h"
#include "core/text_check.h"
#include "core/text_limits.h"
#include "events/outbox.h"
#include "flows/order_changes.h"
#include "orders/order_repository.h"

namespace ordo::flows {
namespace {

nlohmann::json AuditJson(const approvals::Approval& a) {
  return {{"id", a.id},
          {"order_id", a.order.value()},
          {"hold_id", a.hold_id},
          {"kind", a.kind},
          {"status", approvals::StatusName(a.status)},
          {"decided_by", a.decided_by ? nlohmann::json(*a.decided_by) : nullptr},
          {"note", a.note ? nlohmann::json(*a.note) : nullptr}};
}

// The pending approval `id` that the actor may decide, or why not.
Result<approvals::Approval> LoadPending(store::Connection& conn, const CommandContext& ctx,
                                        int64_t id, const std::string& note, bool note_required) {
  if (note_required && note.empty()) {
    return Status::InvalidArgument("a rejection needs a note",
                                   {{"note", "required", "say why the order is rejected"}});
  }
  if (auto problem = CheckText(note, text_limits::kApprovalNote, "note")) {
    return Status::InvalidArgument("the note is not acceptable text", {std::move(*problem)});
  }
  auto found = approvals::FindApproval(conn, id);
  if (!found) return Status::NotFound("no approval " + std::to_string(id));
  if (found->status != approvals::ApprovalStatus::kPending) {
    return Status::InvalidState("approval " + std::to_string(id) + " is already " +
                                std::string(approvals::StatusName(found->status)));
  }
  if (found->entered_by == ctx.actor || orders::ChangedBy(conn, found->order, ctx.actor)) {
    // As flows::ReleaseHold: forbidden, told apart from a missing permission by own_order.
    return Status(ErrorCode::kForbidden,
                  "nobody may decide on an order they entered or changed themselves",
                  {{"order", "own_order", "the order was entered or changed by you"}});
  }
  return std::move(*found);
}

void Record(store::Connection& conn, const CommandContext& ctx, const approvals::Approval& before,
            approvals::Approval& after, approvals::ApprovalStatus status, const std::string& note,
            const orders::Order& order) {
  after.status = status;
  after.decided_at = ctx.now;
  after.decided_by = ctx.actor;
  after.note = note;
  bool approved = status == approvals::ApprovalStatus::kApproved;
  audit::Record(conn, ctx, approved ? "approval.approve" : "approval.reject", "approval", after.id,
                AuditJson(before), AuditJson(after));
  events::Publish(conn, ctx, approved ? "approval.approved" : "approval.rejected", "approval",
                  after.id,
                  {{"id", after.id},
                   {"order_id", order.id.value()},
                   {"order", order.number},
                   {"kind", after.kind},
                   {"note", note}});
}

}  // namespace

Result<DecidedApproval> ApproveApproval(store::Connection& conn, const CommandContext& ctx,
                                        int64_t id, const std::string& note) {
  auto pending = LoadPending(conn, ctx, id, note, false);
  if (!pending.ok()) return pending.status();
  // ReleaseHold marks the approval approved (approvals::MarkDecided) and allocates the order
  // when this was its last active hold.
  auto order = ReleaseHold(conn, ctx, pending->order, pending->kind, note, std::nullopt);
  if (!order.ok()) return order.status();
  DecidedApproval out{*pending, std::move(order).value()};
  Record(conn, ctx, *pending, out.approval, approvals::ApprovalStatus::kApproved, note, out.order);
  return out;
}

Result<DecidedApproval> RejectApproval(store::Connection& conn, const CommandContext& ctx,
                                       int64_t id, const std::string& note) {
  auto pending = LoadPending(conn, ctx, id, note, true);
  if (!pending.ok()) return pending.status();
  approvals::MarkDecided(conn, pending->hold_id, approvals::ApprovalStatus::kRejected, ctx.now,
                         ctx.actor, note);
  // Cancelling withdraws the order's other pending approvals.
  auto order = CancelOrder(conn, ctx, pending->order, note, std::nullopt);
  if (!order.ok()) return order.status();
  DecidedApproval out{*pending, std::move(order).value()};
  Record(conn, ctx, *pending, out.approval, approvals::ApprovalStatus::kRejected, note, out.order);
  return out;
}

}  // namespace ordo::flows
