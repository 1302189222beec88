#include "flows/order_edit.h"

#include <algorithm>
#include <set>

#include "approvals/approval_repository.h"
#include "approvals/rule_evaluation.h"
#include "approvals/rule_repository.h"
#include "audit/audit_log.h"
#include "configurator/configurator_repository.h"
#include "core/version_check.h"
#include "customers/credit.h"
#include "events/outbox.h"
#include "flows/backorder_release.h"
#include "flows/open_order_value.h"
#include "flows/order_allocation.h"
#include "flows/order_edit_plan.h"
#include "flows/rule_figures.h"
#include "inventory/stock_movements.h"
#include "orders/order_json.h"
#include "orders/order_queries.h"
#include "orders/order_repository.h"
#include "views/order_view.h"

namespace ordo::flows {
namespace {

Money OpenValueOf(const orders::Order& order) {
  const Currency currency = FindCurrency(order.currency).value_or(kUsd);
  Money sum;
  for (const auto& l : order.lines) sum += OpenOrderValue(l, currency);
  return sum;
}

// The rules' figures of `order`: its lines that are not cancelled in full, their value and tax.
// A line's discount is measured from `rule_prices` (by line number) where given, else from its
// own price.
approvals::OrderFigures FiguresOf(
    const OrderEditPlan& plan, const orders::Order& order,
    const std::unordered_map<std::string, int>& margins, bool first_order,
    const std::unordered_map<int, std::pair<Money, std::string>>& rule_prices) {
  approvals::OrderFigures f;
  f.customer_code = plan.customer.code;
  f.customer_on_hold = plan.customer.on_hold;
  f.credit_limit = plan.customer.credit_limit;
  f.first_order = first_order;
  Money tax;
  for (const auto& l : order.lines) {
    const int64_t live = l.quantity - l.quantity_cancelled;
    if (live <= 0) continue;
    auto item = plan.items.find(l.sku);
    if (item == plan.items.end()) continue;
    const std::optional<Money> floor = FloorOf(item->second, margins);
    auto by_rules = rule_prices.find(l.line_no);
    const Money rule_price = by_rules == rule_prices.end() ? l.unit_price : by_rules->second.first;
    std::string rule_explanation =
        by_rules == rule_prices.end() ? l.price_explanation : by_rules->second.second;
    f.lines.push_back({l.line_no, l.sku, live, rule_price, std::move(rule_explanation),
                       l.unit_price, l.unit_cost, floor});
    f.subtotal += l.extended_amount;
    tax += l.tax_amount;
  }
  f.total = f.subtotal + tax + order.freight;
  return f;
}

// The holds the change puts the order on (see the header): the rules over the order before and
// after, with the credit position `after` (this change's value included) and `delta`.
std::vector<approvals::HoldNeed> NewHolds(store::Connection& conn, const OrderEditPlan& plan,
                                          const customers::CreditPosition& after, Money delta) {
  std::vector<approvals::ApprovalRule> rules = approvals::ListActiveRules(conn);
  if (rules.empty()) return {};
  const auto margins = FloorMargins(conn, rules, plan.items);
  bool first_order = false;
  for (const auto& rule : rules) {
    if (rule.kind == approvals::RuleKind::kFirstOrder) {
      first_order = !orders::CustomerHasOtherOrders(conn, plan.order.customer, plan.order.id);
    }
  }
  approvals::OrderFigures was = FiguresOf(plan, plan.before, margins, first_order, {});
  was.exposure = after.exposure() - delta;
  approvals::OrderFigures now = FiguresOf(plan, plan.order, margins, first_order, plan.rule_prices);
  now.exposure = after.exposure();
  std::set<std::string> matched_before;
  for (const auto& m : approvals::EvaluateRules(rules, was)) matched_before.insert(m.rule);
  const bool raised = now.total > was.total || plan.price_set;
  std::vector<approvals::RuleMatch> matches;
  for (auto& m : approvals::EvaluateRules(rules, now)) {
    if (raised || !matched_before.count(m.rule)) matches.push_back(std::move(m));
  }
  std::vector<approvals::HoldNeed> needs;
  for (auto& need : approvals::HoldsFor(matches)) {
    if (!plan.order.ActiveHold(need.kind)) needs.push_back(std::move(need));
  }
  return needs;
}

// Gives back what each changed line has allocated beyond its new open quantity, from its
// last-ranked warehouse first and never what is being picked there.
void ReleaseSurplus(store::Connection& conn, const CommandContext& ctx, OrderEditPlan& plan,
                    std::vector<StockKey>& freed) {
  for (size_t index : plan.changed_lines) {
    orders::OrderLine& line = plan.order.lines[index];
    int64_t surplus = line.quantity_allocated() - std::max<int64_t>(line.quantity_open(), 0);
    for (auto a = line.allocations.rbegin(); surplus > 0 && a != line.allocations.rend(); ++a) {
      const int64_t take = std::min(surplus, a->quantity - plan.PickingOf(line, a->warehouse));
      if (take <= 0) continue;
      inventory::Deallocate(conn, ctx, line.item, a->warehouse, take, plan.order.id);
      orders::ReduceLineAllocation(conn, line.id, a->warehouse, take);
      a->quantity -= take;
      surplus -= take;
      freed.push_back({line.item, a->warehouse});
    }
    std::erase_if(line.allocations, [](const auto& a) { return a.quantity == 0; });
  }
}

// The hold and its waiting approval, as placement writes them.
void PutOnHold(store::Connection& conn, const CommandContext& ctx, orders::Order& order,
               const approvals::HoldNeed& need) {
  orders::Hold hold{0, need.kind, need.reason, ctx.now};
  hold.id = orders::InsertHold(conn, order.id, hold);
  order.holds.push_back(hold);
  approvals::Approval a;
  a.order = order.id;
  a.hold_id = hold.id;
  a.kind = hold.kind;
  a.reason = hold.reason;
  a.rules = approvals::MatchesJson(need.matches);
  a.customer = order.customer;
  a.order_total = order.total();
  a.entered_by = order.created_by;
  a.created_at = ctx.now;
  approvals::InsertApproval(conn, a);
}

}  // namespace

Result<orders::Order> ChangeOrder(store::Connection& conn, const CommandContext& ctx, OrderId id,
                                  const OrderEditRequest& request,
                                  std::optional<int64_t> expected_version,
                                  const OrderLimits& limits) {
  auto loaded = views::LoadOrder(conn, id);
  if (!loaded) return Status::NotFound("no order " + std::to_string(id.value()));
  if (Status st = CheckVersion(expected_version, loaded->version, "order", loaded->number);
      !st.ok()) {
    return st;
  }
  auto planned = PlanOrderEdit(conn, std::move(*loaded), request, DateOf(ctx.now), limits);
  if (!planned.ok()) return planned.status();
  OrderEditPlan plan = std::move(planned).value();
  orders::Order& order = plan.order;

  // The customer's open order value moves by the order's change, and the rules see the
  // position with it. Every refusal comes before the first write.
  const Money delta = OpenValueOf(order) - OpenValueOf(plan.before);
  customers::CreditPosition position = customers::LoadCreditPosition(conn, order.customer);
  position.open_orders += delta;
  std::vector<approvals::HoldNeed> holds = NewHolds(conn, plan, position, delta);
  if (!holds.empty() && plan.AnythingPicking()) {
    return Status::InvalidState(
        "the change would put order " + order.number + " on a " + holds.front().kind +
        " hold while part of it is on a pick list: " + holds.front().reason);
  }
  customers::AddOpenOrderValue(conn, order.customer, delta);

  std::vector<StockKey> freed;
  if (!holds.empty()) {
    for (const auto& l : order.lines) {
      for (const auto& a : l.allocations) freed.push_back({l.item, a.warehouse});
    }
    DeallocateOrder(conn, ctx, order);
  } else {
    ReleaseSurplus(conn, ctx, plan, freed);
  }
  // A new ship-to taxes every line again; otherwise only the changed lines are different.
  if (plan.ship_to_changed) {
    for (size_t i = 0; i < plan.first_added; ++i) orders::UpdateLineTerms(conn, order.lines[i]);
  } else {
    for (size_t index : plan.changed_lines) orders::UpdateLineTerms(conn, order.lines[index]);
  }
  orders::InsertLines(conn, order, plan.first_added);
  for (const auto& c : plan.configurations) {
    configurator::InsertLineConfiguration(conn, order.id.value(), c);
  }
  orders::UpdateHeaderTerms(conn, order);
  for (const auto& need : holds) PutOnHold(conn, ctx, order, need);
  int64_t allocated = 0;
  if (!order.has_active_hold()) {
    allocated = AllocateOrder(conn, ctx, order, plan.preferred_warehouse);
  }
  orders::RecordChanger(conn, order.id, ctx.actor, ctx.now);
  if (!orders::TouchOrder(conn, order, ctx.now, std::nullopt)) {
    return Status(ErrorCode::kPreconditionFailed, "order " + order.number + " changed");
  }
  order.version++;
  order.updated_at = ctx.now;

  audit::Record(conn, ctx, "order.change", "order", order.id.value(), orders::ToJson(plan.before),
                orders::ToJson(order));
  events::Publish(conn, ctx, "order.changed", "order", order.id.value(),
                  {{"id", order.id.value()},
                   {"number", order.number},
                   {"status", orders::StatusName(orders::DeriveStatus(order))},
                   {"total", order.total().Format(2)}});
  for (const auto& need : holds) {
    events::Publish(conn, ctx, "order.held", "order", order.id.value(),
                    {{"id", order.id.value()}, {"kind", need.kind}, {"reason", need.reason}});
  }
  if (allocated > 0) {
    events::Publish(conn, ctx, "order.allocated", "order", order.id.value(),
                    {{"id", order.id.value()}, {"quantity", allocated}});
  }
  // What the change gave back serves other orders' backorders; this order took what it could
  // use first.
  ReleaseBackorders(conn, ctx, std::move(freed));
  return order;
}

}  // namespace ordo::flows
