#include "demo/demo_history.h"

#include <algorithm>
#include <optional>
#include <string>

#include "approvals/approval_repository.h"
#include "demo/demo_back_office.h"
#include "demo/demo_batch.h"
#include "demo/demo_vocab.h"
#include "flows/approval_decisions.h"
#include "flows/order_changes.h"
#include "flows/order_placement.h"
#include "flows/stock_changes.h"
#include "inventory/stock_commands.h"

namespace ordo::demo {
namespace {

constexpr char kArClerk[] = "user:ar.clerk";
constexpr char kSalesManager[] = "user:manager";
// Most manual prices below an item's floor are approved by the sales manager within a day or
// two; the rest are rejected, which cancels the order (per mille).
constexpr int kFloorApprovedPermille = 850;
constexpr char kFloorApprovedNote[] = "Approved: keeps the account against a competitor's price";
constexpr char kFloorRejectedNote[] = "Rejected: below our floor for this product line";
constexpr char kAccountHoldReason[] = "Customer account on hold, to reorder after payment";
constexpr char kStaleHoldReason[] = "Credit hold not resolved within weeks; customer to reorder";
// A held order left alone this long before today is cancelled by accounts receivable a few
// weeks after it was placed, so a long history does not keep a year of orders on hold.
constexpr int kStaleHoldDays = 60;

// What a placed order came to, as the follow-ups need it.
struct Placed {
  OrderId id;
  bool held = false;
  bool account_hold = false;  // the customer is on hold, not just over its limit
  bool pricing_hold = false;  // a price below its floor (the approval rule PRICE-FLOOR)
  Money subtotal;
};

struct FollowUp {
  // kReject: the order's pending approval of kind `hold` rejected (which cancels the order).
  enum class Kind { kRelease, kCancel, kReject };
  Kind kind = Kind::kCancel;
  std::string hold = "credit";  // the hold a release releases, the approval a rejection rejects
  Timestamp at;
  OrderId order;
  std::string actor;
  std::string text;  // the release note or the cancellation reason
};

// One command of a day: a receipt, an order (by index) or a follow-up.
struct Step {
  Timestamp at;
  const PlannedReceipt* receipt = nullptr;
  std::optional<size_t> order;
  const FollowUp* follow_up = nullptr;
};

class HistoryRun {
 public:
  HistoryRun(store::CommandExecutor& exec, const std::vector<PlannedOrder>& orders,
             const HistoryWindow& window, DemoRandom& rng)
      : exec_(exec),
        orders_(orders),
        window_(window),
        rng_(rng),
        placed_(orders.size()),
        follow_ups_(static_cast<size_t>(std::max(0, window.days))) {}

  Status RunOpening(const std::vector<const PlannedReceipt*>& receipts) {
    CommandBatch batch(exec_);
    for (const auto* r : receipts) AddReceipt(batch, *r);
    counts_.receipts += static_cast<int>(receipts.size());
    return batch.Wait();
  }

  // Runs `receipts` and orders [first, last) of `day`, with the day's follow-ups, in time
  // order; then decides the follow-ups of the day's orders.
  Status RunDay(int day, const std::vector<const PlannedReceipt*>& receipts, size_t first,
                size_t last) {
    std::vector<Step> steps;
    for (const auto* r : receipts) steps.push_back({r->at, r});
    for (size_t i = first; i < last; ++i) steps.push_back({orders_[i].at, nullptr, i});
    for (const auto& f : follow_ups_[static_cast<size_t>(day)]) {
      steps.push_back({f.at, nullptr, std::nullopt, &f});
    }
    std::stable_sort(steps.begin(), steps.end(),
                     [](const Step& a, const Step& b) { return a.at < b.at; });
    CommandBatch batch(exec_);
    for (const auto& s : steps) {
      if (s.receipt) AddReceipt(batch, *s.receipt);
      if (s.order) AddOrder(batch, *s.order);
      if (s.follow_up) AddFollowUp(batch, *s.follow_up);
    }
    if (Status st = batch.Wait(); !st.ok()) return st;

    counts_.receipts += static_cast<int>(receipts.size());
    for (size_t i = first; i < last; ++i) {
      counts_.orders++;
      counts_.order_lines += static_cast<int>(orders_[i].request.lines.size());
      counts_.value += placed_[i].subtotal;
      if (placed_[i].held) counts_.held++;
      DecideFollowUp(day, orders_[i], placed_[i]);
    }
    return Status::Ok();
  }

  const HistoryCounts& counts() const { return counts_; }

 private:
  void AddReceipt(CommandBatch& batch, const PlannedReceipt& r) {
    CommandContext ctx{r.actor, "", r.at};
    batch.Add("receipt " + r.receipt.reference, [&r, ctx](store::Connection& c) {
      return flows::ReceiveStock(c, ctx, r.receipt).status();
    });
  }

  void AddOrder(CommandBatch& batch, size_t i) {
    const PlannedOrder& o = orders_[i];
    CommandContext ctx{o.actor, "", o.at};
    Placed* slot = &placed_[i];
    batch.Add("order of " + o.request.customer + " at " + FormatRfc3339(o.at),
              [&o, ctx, slot](store::Connection& c) -> Status {
                auto placed = flows::PlaceOrder(c, ctx, o.request);
                if (!placed.ok()) return placed.status();
                const orders::Hold* hold = placed->ActiveHold("credit");
                *slot = Placed{placed->id, hold != nullptr,
                               hold != nullptr && hold->reason.starts_with("customer_on_hold"),
                               placed->ActiveHold("pricing") != nullptr, placed->subtotal};
                return Status::Ok();
              });
  }

  void AddFollowUp(CommandBatch& batch, const FollowUp& f) {
    CommandContext ctx{f.actor, "", f.at};
    const bool release = f.kind == FollowUp::Kind::kRelease;
    int* released = &counts_.released;  // written on the writer, read after the batch
    batch.Add(
        (release ? "release of order " : "decision on order ") + std::to_string(f.order.value()),
        [&f, ctx, release, released](store::Connection& c) -> Status {
          if (f.kind == FollowUp::Kind::kReject) return Reject(c, ctx, f);
          auto changed = release ? flows::ReleaseHold(c, ctx, f.order, f.hold, f.text, std::nullopt)
                                 : flows::CancelOrder(c, ctx, f.order, f.text, std::nullopt);
          // A cancellation that comes after everything shipped is too late: the
          // customer keeps the goods. A release that comes after the order was
          // cancelled (its other hold decided first) is moot.
          if (changed.status().code() == ErrorCode::kInvalidState) return Status::Ok();
          if (changed.ok() && release) ++*released;
          return changed.status();
        });
  }

  static Status Reject(store::Connection& c, const CommandContext& ctx, const FollowUp& f) {
    approvals::ApprovalFilter filter;
    filter.kinds = {f.hold};
    filter.status = approvals::ApprovalStatus::kPending;
    filter.order = f.order;
    auto pending = approvals::ListApprovals(c, filter, 0, 1);
    if (pending.empty()) return Status::InvalidState("no pending " + f.hold + " approval");
    return flows::RejectApproval(c, ctx, pending.front().id, f.text).status();
  }

  // What happens to a placed order later, if anything: most credit-limit holds are released
  // by accounts receivable and some cancelled, a few account holds are cancelled, and about
  // 5% of the other orders are cancelled. A hold left alone that was placed more than
  // kStaleHoldDays before today is cancelled two to four weeks after.
  void DecideFollowUp(int day, const PlannedOrder& o, const Placed& p) {
    // A price below its floor waits for the sales manager, who decides the next working day
    // or the one after; a rejected order goes no further.
    if (p.pricing_hold) {
      const bool approved = rng_.Chance(kFloorApprovedPermille);
      FollowUp decision{approved ? FollowUp::Kind::kRelease : FollowUp::Kind::kReject,
                        "pricing",
                        {},
                        p.id,
                        kSalesManager,
                        approved ? kFloorApprovedNote : kFloorRejectedNote};
      Schedule(day, rng_.Between(1, 2), 9 * kHour, std::move(decision));
      if (!approved) return;
    }
    FollowUp f{FollowUp::Kind::kCancel, "credit", {}, p.id, kArClerk, kAccountHoldReason};
    int64_t delay;
    const bool stale = window_.days - day > kStaleHoldDays;
    if (p.account_hold) {
      if (!rng_.Chance(300)) {
        if (!stale) return;
        delay = rng_.Between(14, 30);
      } else {
        delay = rng_.Between(2, 10);
      }
    } else if (p.held) {
      const int64_t draw = rng_.Between(0, 99);
      if (draw >= 65) {
        if (!stale) return;
        f.text = kStaleHoldReason;
        delay = rng_.Between(14, 30);
      } else {
        if (draw < 55) {
          f.kind = FollowUp::Kind::kRelease;
          f.text = std::string(rng_.Pick(ReleaseNotes()));
        } else {
          f.actor = CancellingActor(o);
          f.text = std::string(rng_.Pick(CancelReasons()));
        }
        delay = rng_.Between(1, 3);
      }
    } else {
      if (!rng_.Chance(45)) return;
      f.actor = CancellingActor(o);
      f.text = std::string(rng_.Pick(CancelReasons()));
      delay = rng_.Between(1, 8);
    }
    Schedule(day, delay, 14 * kHour, std::move(f));
  }

  // `f` `delay` days after `day` (the next working day when that is a weekend), some time in
  // the eight hours from `from` (seconds into the day); dropped when it would come after today.
  void Schedule(int day, int64_t delay, int64_t from, FollowUp f) {
    int when = day + static_cast<int>(delay);
    while (when < window_.days && IsWeekend(window_.Day(when))) ++when;
    if (when >= window_.days) return;  // it would happen after today
    f.at = At(window_.Day(when), from + rng_.Between(0, 8 * kHour));
    follow_ups_[static_cast<size_t>(when)].push_back(std::move(f));
  }

  // Who cancels: whoever entered the order, or customer service for system channels.
  std::string CancellingActor(const PlannedOrder& o) {
    if (o.actor.starts_with("user:")) return o.actor;
    return std::string(rng_.Pick(ServiceActors()));
  }

  store::CommandExecutor& exec_;
  const std::vector<PlannedOrder>& orders_;
  const HistoryWindow& window_;
  DemoRandom& rng_;
  std::vector<Placed> placed_;
  std::vector<std::vector<FollowUp>> follow_ups_;  // by day
  HistoryCounts counts_;
};

}  // namespace

Result<HistoryCounts> RunHistory(store::CommandExecutor& exec,
                                 const std::vector<PlannedOrder>& orders,
                                 const std::vector<PlannedReceipt>& receipts,
                                 const HistoryWindow& window, DemoRandom& rng) {
  HistoryRun run(exec, orders, window, rng);
  DemoBackOffice office(exec, window, static_cast<uint64_t>(rng.Between(1, INT64_MAX)));
  size_t next_receipt = 0;
  auto receipts_of = [&](int day) {
    std::vector<const PlannedReceipt*> due;
    while (next_receipt < receipts.size() && receipts[next_receipt].day <= day) {
      due.push_back(&receipts[next_receipt++]);
    }
    return due;
  };
  if (Status st = run.RunOpening(receipts_of(-1)); !st.ok()) return st;
  size_t next_order = 0;
  for (int day = 0; day < window.days; ++day) {
    const size_t first = next_order;
    while (next_order < orders.size() && orders[next_order].day == day) ++next_order;
    if (Status st = run.RunDay(day, receipts_of(day), first, next_order); !st.ok()) return st;
    if (IsWeekend(window.Day(day))) continue;
    if (Status st = office.RunDay(day); !st.ok()) return st;
  }
  return run.counts();
}

}  // namespace ordo::demo
