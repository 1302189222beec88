#include "flows/order_changes.h"

#include <vector>

#include "approvals/approval_repository.h"
#include "audit/audit_log.h"
#include "core/text_check.h"
#include "core/version_check.h"
#include "customers/credit.h"
#include "customers/customer_repository.h"
#include "events/outbox.h"
#include "flows/backorder_release.h"
#include "flows/open_order_value.h"
#include "flows/order_allocation.h"
#include "flows/order_settlement.h"
#include "orders/order_json.h"
#include "orders/order_repository.h"
#include "pricing/price_resolution.h"
#include "views/order_view.h"

namespace ordo::flows {
namespace {

Result<orders::Order> LoadForChange(store::Connection& conn, OrderId id,
                                    std::optional<int64_t> expected_version) {
  auto order = views::LoadOrder(conn, id);
  if (!order) return Status::NotFound("no order " + std::to_string(id.value()));
  if (Status st = CheckVersion(expected_version, order->version, "order", order->number);
      !st.ok()) {
    return st;
  }
  return std::move(*order);
}

Currency CurrencyOf(const orders::Order& o) {
  return FindCurrency(o.currency).value_or(kUsd);
}

}  // namespace

Result<orders::Order> CancelOrder(store::Connection& conn, const CommandContext& ctx, OrderId id,
                                  const std::string& reason,
                                  std::optional<int64_t> expected_version) {
  if (reason.empty()) {
    return Status::InvalidArgument("a cancellation needs a reason",
                                   {{"reason", "required", "say why the order is cancelled"}});
  }
  if (auto problem = CheckText(reason, text_limits::kCancelReason, "reason")) {
    return Status::InvalidArgument("the reason is not acceptable text", {std::move(*problem)});
  }
  auto loaded = LoadForChange(conn, id, expected_version);
  if (!loaded.ok()) return loaded.status();
  orders::Order order = std::move(loaded).value();
  orders::OrderStatus status = orders::DeriveStatus(order);
  if (status == orders::OrderStatus::kCancelled) {
    return Status::InvalidState("order " + order.number + " is already cancelled");
  }
  int64_t open = 0;
  for (const auto& l : order.lines) open += l.quantity_open();
  if (open == 0) {
    return Status::InvalidState("order " + order.number + " has nothing left to cancel");
  }
  nlohmann::json before = orders::ToJson(order);
  std::vector<StockKey> freed;
  for (const auto& l : order.lines) {
    for (const auto& a : l.allocations) freed.push_back({l.item, a.warehouse});
  }
  DeallocateOrder(conn, ctx, order);
  Currency currency = CurrencyOf(order);
  Money released;
  for (auto& l : order.lines) {
    Money was = OpenOrderValue(l, currency);
    l.quantity_cancelled += l.quantity_open();
    orders::SetLineCancelled(conn, l.id, l.quantity_cancelled);
    released += was - OpenOrderValue(l, currency);
  }
  customers::AddOpenOrderValue(conn, order.customer, -released);
  if (!orders::TouchOrder(conn, order, ctx.now, reason)) {
    return Status(ErrorCode::kPreconditionFailed, "order " + order.number + " changed");
  }
  order.version++;
  order.updated_at = ctx.now;
  order.cancel_reason = reason;
  // What still waited for a decision on this order waits no more.
  approvals::WithdrawPending(conn, order.id, ctx.now, ctx.actor, reason);
  // Cancelling what is left of an order whose shipped part is paid settles it.
  order.settled = RefreshOrderSettlement(conn, ctx, order.id);
  nlohmann::json after = orders::ToJson(order);
  audit::Record(conn, ctx, "order.cancel", "order", order.id.value(), before, after);
  events::Publish(conn, ctx, "order.cancelled", "order", order.id.value(),
                  {{"id", order.id.value()}, {"number", order.number}, {"reason", reason}});
  // The stock this order gave back serves other orders' backorders (its own lines are no
  // longer open).
  ReleaseBackorders(conn, ctx, std::move(freed));
  return order;
}

Result<orders::Order> ReleaseHold(store::Connection& conn, const CommandContext& ctx, OrderId id,
                                  const std::string& kind, const std::string& note,
                                  std::optional<int64_t> expected_version) {
  if (auto problem = CheckText(note, text_limits::kHoldReleaseNote, "note")) {
    return Status::InvalidArgument("the note is not acceptable text", {std::move(*problem)});
  }
  auto loaded = LoadForChange(conn, id, expected_version);
  if (!loaded.ok()) return loaded.status();
  orders::Order order = std::move(loaded).value();
  if (orders::DeriveStatus(order) == orders::OrderStatus::kCancelled) {
    return Status::InvalidState("order " + order.number + " is cancelled");
  }
  const orders::Hold* hold = order.ActiveHold(kind);
  if (hold == nullptr) {
    return Status::InvalidState("order " + order.number + " has no active " + kind + " hold");
  }
  if (order.created_by == ctx.actor || orders::ChangedBy(conn, order.id, ctx.actor)) {
    // Forbidden like a missing permission, but told apart by its error's stable code
    // (own_order), so that a screen can say why this user of all users may not.
    return Status(
        ErrorCode::kForbidden,
        "nobody may release a hold on an order they entered or changed themselves",
        {{"order", "own_order", "order " + order.number + " was entered or changed by you"}});
  }
  nlohmann::json before = orders::ToJson(order);
  orders::ReleaseHold(conn, hold->id, ctx.now, ctx.actor, note);
  // Releasing a hold is approving what waited on it, whichever route released it.
  approvals::MarkDecided(conn, hold->id, approvals::ApprovalStatus::kApproved, ctx.now, ctx.actor,
                         note);
  for (auto& h : order.holds) {
    if (h.id == hold->id) {
      h.released_at = ctx.now;
      h.released_by = ctx.actor;
      h.release_note = note;
    }
  }
  int64_t allocated = 0;
  if (!order.has_active_hold()) {
    auto customer = customers::FindCustomerById(conn, order.customer);
    std::optional<WarehouseId> preferred;
    if (customer) {
      for (const auto& s : customer->ship_tos) {
        if (s.id == order.ship_to) preferred = s.preferred_warehouse;
      }
    }
    allocated = AllocateOrder(conn, ctx, order, preferred);
  }
  if (!orders::TouchOrder(conn, order, ctx.now, std::nullopt)) {
    return Status(ErrorCode::kPreconditionFailed, "order " + order.number + " changed");
  }
  order.version++;
  order.updated_at = ctx.now;
  nlohmann::json after = orders::ToJson(order);
  audit::Record(conn, ctx, "order.release_hold", "order", order.id.value(), before, after);
  events::Publish(conn, ctx, "order.hold_released", "order", order.id.value(),
                  {{"id", order.id.value()}, {"kind", kind}, {"note", note}});
  if (allocated > 0) {
    events::Publish(conn, ctx, "order.allocated", "order", order.id.value(),
                    {{"id", order.id.value()}, {"quantity", allocated}});
  }
  return order;
}

}  // namespace ordo::flows
