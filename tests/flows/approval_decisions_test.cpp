// Approval rules at order entry and decisions on what they hold, on a real database: one hold
// per kind with the rules and figures in its reason, an approval waiting for each, approving
// the last one allocates, rejecting cancels with the note, nobody decides on their own order.
#include "flows/approval_decisions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "approvals/approval_repository.h"
#include "approvals/rule_commands.h"
#include "audit/audit_log.h"
#include "catalog/product_line.h"
#include "events/outbox.h"
#include "flows/order_placement.h"
#include "support/invariants.h"
#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::FieldIs;
using test_support::OrderFor;
using test_support::SimpleCustomer;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string StatusOf(const orders::Order& o) {
  return std::string(orders::StatusName(orders::DeriveStatus(o)));
}

class ApprovalDecisionsTest : public ::testing::Test {
 protected:
  ApprovalDecisionsTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "10.00");
    db_.Receive("W1", "WID-100", 1000);
    db_.AddCustomer(SimpleCustomer("C-1", "100000.00"));
  }

  void AddRule(const std::string& code, const std::string& kind,
               std::optional<std::string> threshold) {
    CommandContext ctx = db_.Context("system");
    auto st = db_.executor().RunFor<approvals::ApprovalRule>([&](store::Connection& c) {
      return approvals::CreateRule(c, ctx, {code, code, kind, threshold, {}, true});
    });
    ASSERT_TRUE(st.ok()) << st.status().ToString();
  }

  std::vector<approvals::Approval> Approvals(OrderId order) {
    approvals::ApprovalFilter f;
    f.order = order;
    return approvals::ListApprovals(db_.reader(), f, 0, 100);
  }

  // 10 WID-100 (100.00) for C-HOLD, a customer whose account is on hold, with the rule BIG
  // (order total over 50): the order waits on a credit hold and an approval hold, each with its
  // approval, credit first. Fills `order` and `waiting`.
  void PlaceOnTwoHolds(orders::Order& order, std::vector<approvals::Approval>& waiting) {
    AddRule("BIG", "order_total_over", "50");
    auto on_hold = SimpleCustomer("C-HOLD", "100000.00");
    on_hold.on_hold = true;
    db_.AddCustomer(on_hold);
    auto placed = db_.Place(OrderFor("C-HOLD", {{"WID-100", "10"}}));
    ASSERT_TRUE(placed.ok()) << placed.status().ToString();
    order = *placed;
    waiting = Approvals(placed->id);
    ASSERT_EQ(waiting.size(), 2u);
  }

  Result<DecidedApproval> Decide(bool approve, int64_t id, const std::string& note,
                                 std::string_view actor = test_support::kManager) {
    CommandContext ctx = db_.Context(actor);
    return db_.executor().RunFor<DecidedApproval>([&](store::Connection& c) {
      return approve ? ApproveApproval(c, ctx, id, note) : RejectApproval(c, ctx, id, note);
    });
  }

  test_support::TestDb db_;
};

TEST_F(ApprovalDecisionsTest, AnOrderUnderEveryThresholdIsAllocatedWithNoApproval) {
  AddRule("DISC-20", "discount_over", "20");
  AddRule("BIG", "order_total_over", "5000");
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "10", "", "8.00", "match"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(StatusOf(*placed), "open");
  EXPECT_TRUE(Approvals(placed->id).empty());
}

TEST_F(ApprovalDecisionsTest, MatchedRulesHoldTheOrderOncePerKindWithTheirFigures) {
  AddRule("DISC-20", "discount_over", "20");
  AddRule("BIG", "order_total_over", "50");
  auto on_hold = SimpleCustomer("C-HOLD", "100000.00");
  on_hold.on_hold = true;
  db_.AddCustomer(on_hold);
  auto placed = db_.Place(OrderFor("C-HOLD", {{"WID-100", "10", "", "7.50", "loyal"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(StatusOf(*placed), "on_hold");
  ASSERT_EQ(placed->holds.size(), 2u);
  EXPECT_EQ(placed->holds[0].kind, "credit");
  EXPECT_THAT(placed->holds[0].reason, StartsWith("customer_on_hold: customer C-HOLD is on hold"));
  EXPECT_EQ(placed->holds[1].kind, "approval");
  EXPECT_EQ(placed->holds[1].reason,
            "discount_over: line 1 WID-100 at 7.50 is 25.00% below 10.00 (list price 10.00), over "
            "20.00% "
            "(rule DISC-20); order_total_over: order total 75.00 over 50.00 (rule BIG)");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);

  auto waiting = Approvals(placed->id);
  ASSERT_EQ(waiting.size(), 2u);
  EXPECT_EQ(waiting[1].kind, "approval");
  EXPECT_EQ(waiting[1].status, approvals::ApprovalStatus::kPending);
  EXPECT_EQ(waiting[1].hold_id, placed->holds[1].id);
  EXPECT_EQ(waiting[1].entered_by, test_support::kClerk);
  EXPECT_EQ(waiting[1].order_total, test_support::Dollars("75.00"));
  ASSERT_EQ(waiting[1].rules.size(), 2u);
  EXPECT_EQ(waiting[1].rules[0]["rule"], "DISC-20");
  EXPECT_EQ(waiting[1].rules[0]["figure"], "25.00%");
  EXPECT_EQ(waiting[1].rules[1]["threshold"], "50.00");
  std::vector<std::string> types;
  for (const auto& e : events::ForEntity(db_.reader(), "order", placed->id.value())) {
    types.push_back(e.type);
  }
  EXPECT_EQ(types, (std::vector<std::string>{"order.created", "order.held", "order.held"}));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(ApprovalDecisionsTest, ApprovingTheLastHoldAllocatesTheOrder) {
  AddRule("BIG", "order_total_over", "50");
  AddRule("NEW", "first_order", std::nullopt);
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "10"}}), "user:alice");
  ASSERT_TRUE(placed.ok());
  ASSERT_EQ(placed->holds.size(), 1u);
  EXPECT_THAT(placed->holds[0].reason, HasSubstr("; first_order: the first order of customer C-1"));
  auto waiting = Approvals(placed->id);
  ASSERT_EQ(waiting.size(), 1u);

  auto before = db_.Snapshot();
  auto own = Decide(true, waiting[0].id, "mine", "user:alice");
  EXPECT_EQ(own.status().code(), ErrorCode::kForbidden);
  EXPECT_THAT(own.status().errors(), ::testing::ElementsAre(FieldIs("order", "own_order")));
  EXPECT_EQ(db_.Snapshot(), before);

  auto approved = Decide(true, waiting[0].id, "known buyer");
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_EQ(approved->approval.status, approvals::ApprovalStatus::kApproved);
  EXPECT_EQ(approved->approval.decided_by, std::optional<std::string>(test_support::kManager));
  EXPECT_EQ(StatusOf(approved->order), "open");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
  auto stored = approvals::FindApproval(db_.reader(), waiting[0].id);
  EXPECT_EQ(stored->status, approvals::ApprovalStatus::kApproved);
  EXPECT_EQ(stored->note, std::optional<std::string>("known buyer"));
  auto audit = audit::ForEntity(db_.reader(), "approval", waiting[0].id);
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "approval.approve");
  EXPECT_EQ(audit[0].after["status"], "approved");
  auto events = events::ForEntity(db_.reader(), "approval", waiting[0].id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "approval.approved");

  EXPECT_EQ(Decide(true, waiting[0].id, "again").status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(Decide(false, waiting[0].id, "again").status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(Decide(true, 9999, "none").status().code(), ErrorCode::kNotFound);

  // The customer has an order now: its next one is no first order.
  auto next = db_.Place(OrderFor("C-1", {{"WID-100", "1"}}));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(StatusOf(*next), "open");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(ApprovalDecisionsTest, AnOrderWithAnotherHoldLeftStaysHeld) {
  orders::Order placed;
  std::vector<approvals::Approval> waiting;
  ASSERT_NO_FATAL_FAILURE(PlaceOnTwoHolds(placed, waiting));
  auto approved = Decide(true, waiting[1].id, "fine");
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_EQ(StatusOf(approved->order), "on_hold");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  // The credit hold released through the order's own route is approved as well.
  auto released = db_.ReleaseHold(placed.id, "credit", "paid");
  ASSERT_TRUE(released.ok()) << released.status().ToString();
  EXPECT_EQ(StatusOf(*released), "open");
  EXPECT_EQ(approvals::FindApproval(db_.reader(), waiting[0].id)->status,
            approvals::ApprovalStatus::kApproved);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(ApprovalDecisionsTest, RejectingCancelsTheOrderWithTheNote) {
  orders::Order placed;
  std::vector<approvals::Approval> waiting;
  ASSERT_NO_FATAL_FAILURE(PlaceOnTwoHolds(placed, waiting));

  auto no_note = Decide(false, waiting[1].id, "");
  EXPECT_THAT(no_note.status().errors(), ::testing::ElementsAre(FieldIs("note", "required")));

  auto rejected = Decide(false, waiting[1].id, "too large for a first try");
  ASSERT_TRUE(rejected.ok()) << rejected.status().ToString();
  EXPECT_EQ(rejected->approval.status, approvals::ApprovalStatus::kRejected);
  EXPECT_EQ(StatusOf(rejected->order), "cancelled");
  EXPECT_EQ(rejected->order.cancel_reason, std::optional<std::string>("too large for a first try"));
  EXPECT_EQ(db_.OpenOrderValue("C-HOLD"), Money());
  EXPECT_EQ(approvals::FindApproval(db_.reader(), waiting[1].id)->status,
            approvals::ApprovalStatus::kRejected);
  // The credit approval waits no more: its order is cancelled.
  EXPECT_EQ(approvals::FindApproval(db_.reader(), waiting[0].id)->status,
            approvals::ApprovalStatus::kWithdrawn);
  auto events = events::ForEntity(db_.reader(), "approval", waiting[1].id);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type, "approval.rejected");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(ApprovalDecisionsTest, APriceBelowTheFloorGoesOnAPricingHold) {
  CommandContext ctx = db_.Context("system");
  auto line = db_.executor().RunFor<catalog::ProductLine>([&](store::Connection& c) {
    return catalog::CreateProductLine(c, ctx, {"FAST", "Fasteners", 2000, true});
  });
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  catalog::NewItem bolt;
  bolt.sku = "BOLT-1";
  bolt.name = "Bolt";
  bolt.list_price = test_support::Dollars("10.00");
  bolt.cost = test_support::Dollars("6.00");  // floor 6.00 / (1 - 20%) = 7.50
  bolt.product_line = "FAST";
  db_.AddItem(bolt);
  db_.Receive("W1", "BOLT-1", 100);

  auto at_floor = db_.Place(OrderFor("C-1", {{"BOLT-1", "1", "", "7.50", "deal"}}));
  ASSERT_TRUE(at_floor.ok()) << at_floor.status().ToString();
  EXPECT_EQ(StatusOf(*at_floor), "open");
  auto below = db_.Place(OrderFor("C-1", {{"BOLT-1", "1", "", "7.4999", "deal"}}));
  ASSERT_TRUE(below.ok()) << below.status().ToString();
  EXPECT_EQ(StatusOf(*below), "on_hold");
  ASSERT_EQ(below->holds.size(), 1u);
  EXPECT_EQ(below->holds[0].kind, "pricing");
  EXPECT_EQ(below->holds[0].reason,
            "below_floor: line 1 BOLT-1 at 7.4999 below its floor 7.50 (rule PRICE-FLOOR)");
  // An item without a product line has no floor.
  auto no_line = db_.Place(OrderFor("C-1", {{"WID-100", "1", "", "0.01", "deal"}}));
  ASSERT_TRUE(no_line.ok());
  EXPECT_EQ(StatusOf(*no_line), "open");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(ApprovalDecisionsTest, RulesChangedAfterPreparationApplyToThePlacement) {
  auto request = OrderFor("C-1", {{"WID-100", "10"}});
  auto conn = db_.ConnectReader();
  auto prepared = PrepareOrder(*conn, request);
  ASSERT_TRUE(prepared.ok());
  AddRule("BIG", "order_total_over", "50");  // bumps the reference version
  CommandContext ctx = db_.Context();
  auto placed = db_.executor().RunFor<PlacedOrder>(
      [&](store::Connection& c) { return PlacePreparedOrder(c, ctx, request, *prepared); });
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(StatusOf(placed->order), "on_hold");
}

}  // namespace
}  // namespace ordo::flows
