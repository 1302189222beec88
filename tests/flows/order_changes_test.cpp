// Credit holds, hold release and cancellation on a real database.
#include "flows/order_changes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "audit/audit_log.h"
#include "events/outbox.h"
#include "orders/order.h"
#include "orders/order_json.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::Dollars;
using test_support::FieldIs;
using test_support::OrderFor;
using test_support::SimpleCustomer;

std::string StatusOf(const orders::Order& o) {
  return std::string(orders::StatusName(orders::DeriveStatus(o)));
}

std::vector<std::string> EventTypes(test_support::TestDb& db, OrderId id) {
  std::vector<std::string> out;
  for (const auto& e : events::ForEntity(db.reader(), "order", id.value())) out.push_back(e.type);
  return out;
}

std::vector<std::string> AuditActions(test_support::TestDb& db, OrderId id) {
  std::vector<std::string> out;
  for (const auto& a : audit::ForEntity(db.reader(), "order", id.value())) {
    out.push_back(a.action);
  }
  return out;
}

class OrderChangesTest : public ::testing::Test {
 protected:
  OrderChangesTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "10.00");
    db_.Receive("W1", "WID-100", 100);
    db_.AddCustomer(SimpleCustomer("C-1", "100.00"));
  }

  int64_t Movements(const std::string& kind) {
    store::Query q(db_.reader(), "SELECT COUNT(*) FROM stock_movements WHERE kind = ?", kind);
    q.Next();
    return q.Int(0);
  }

  test_support::TestDb db_;
};

TEST_F(OrderChangesTest, OrderWithinTheCreditLimitIsAllocated) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "9"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(StatusOf(*placed), "open");
  EXPECT_TRUE(placed->holds.empty());
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 9);
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Dollars("90.00"));
}

TEST_F(OrderChangesTest, OrderExactlyAtTheCreditLimitIsAllocated) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "10"}}));
  ASSERT_TRUE(placed.ok());
  EXPECT_EQ(StatusOf(*placed), "open");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
}

TEST_F(OrderChangesTest, OrderBeyondTheCreditLimitIsHeldAndAllocatesNothing) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "10", "", "10.01", "odd"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(StatusOf(*placed), "on_hold");
  ASSERT_EQ(placed->holds.size(), 1u);
  EXPECT_EQ(placed->holds[0].kind, "credit");
  EXPECT_THAT(placed->holds[0].reason, ::testing::StartsWith("credit_limit_exceeded"));
  EXPECT_EQ(placed->lines[0].quantity_allocated(), 0);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_EQ(Movements("allocate"), 0);
  // A held order is still an open order of the customer.
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Dollars("100.10"));

  auto stored = db_.LoadOrder(placed->id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(StatusOf(*stored), "on_hold");
  ASSERT_NE(stored->ActiveHold("credit"), nullptr);
  EXPECT_EQ(EventTypes(db_, placed->id), (std::vector<std::string>{"order.created", "order.held"}));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderChangesTest, CustomerOnHoldGetsACreditHoldWhateverTheAmount) {
  auto held = SimpleCustomer("C-HOLD", "1000000.00");
  held.on_hold = true;
  db_.AddCustomer(held);
  auto placed = db_.Place(OrderFor("C-HOLD", {{"WID-100", "1"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(StatusOf(*placed), "on_hold");
  ASSERT_EQ(placed->holds.size(), 1u);
  EXPECT_EQ(placed->holds[0].kind, "credit");
  EXPECT_THAT(placed->holds[0].reason, ::testing::StartsWith("customer_on_hold"));
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_EQ(Movements("allocate"), 0);
  EXPECT_EQ(orders::ToJson(*placed)["lines"][0]["quantity_backordered"], 0);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderChangesTest, ExposureCountsEarlierOpenOrders) {
  auto first = db_.Place(OrderFor("C-1", {{"WID-100", "6"}}));   // 60 of 100
  auto second = db_.Place(OrderFor("C-1", {{"WID-100", "5"}}));  // 110: held
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(StatusOf(*first), "open");
  EXPECT_EQ(StatusOf(*second), "on_hold");
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Dollars("110.00"));

  ASSERT_TRUE(db_.Cancel(first->id, "customer changed plans").ok());
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Dollars("50.00"));
  auto third = db_.Place(OrderFor("C-1", {{"WID-100", "5"}}));  // 50 + 50 = 100: fits
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(StatusOf(*third), "open");
  auto fourth = db_.Place(OrderFor("C-1", {{"WID-100", "1"}}));  // 110: held
  ASSERT_TRUE(fourth.ok());
  EXPECT_EQ(StatusOf(*fourth), "on_hold");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderChangesTest, ExposureIsPerCustomer) {
  db_.AddCustomer(SimpleCustomer("C-2", "100.00"));
  ASSERT_TRUE(db_.Place(OrderFor("C-1", {{"WID-100", "10"}})).ok());
  auto other = db_.Place(OrderFor("C-2", {{"WID-100", "10"}}));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(StatusOf(*other), "open");
}

TEST_F(OrderChangesTest, ReleaseBySameActorWhoEnteredTheOrderIsForbidden) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "11"}}), "user:alice");
  ASSERT_TRUE(placed.ok());
  ASSERT_EQ(StatusOf(*placed), "on_hold");
  auto before = db_.Snapshot();
  auto released = db_.ReleaseHold(placed->id, "credit", "I know them", "user:alice");
  ASSERT_FALSE(released.ok());
  EXPECT_EQ(released.status().code(), ErrorCode::kForbidden);
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(StatusOf(*db_.LoadOrder(placed->id)), "on_hold");
}

TEST_F(OrderChangesTest, ReleaseByAnotherActorAllocatesTheOrder) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "11"}}), "user:alice");
  ASSERT_TRUE(placed.ok());
  db_.clock().AdvanceSeconds(60);
  auto released = db_.ReleaseHold(placed->id, "credit", "paid by wire", "user:bob");
  ASSERT_TRUE(released.ok()) << released.status().ToString();
  EXPECT_EQ(StatusOf(*released), "open");
  EXPECT_EQ(released->version, 2);

  auto stored = db_.LoadOrder(placed->id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(orders::ToJson(*stored), orders::ToJson(*released));
  EXPECT_EQ(StatusOf(*stored), "open");
  EXPECT_EQ(stored->version, 2);
  EXPECT_EQ(stored->updated_at, db_.clock().Now());
  ASSERT_EQ(stored->holds.size(), 1u);
  EXPECT_FALSE(stored->holds[0].active());
  EXPECT_EQ(stored->holds[0].released_by, std::optional<std::string>("user:bob"));
  EXPECT_EQ(stored->holds[0].release_note, std::optional<std::string>("paid by wire"));
  EXPECT_EQ(stored->holds[0].released_at, db_.clock().Now());
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 11);
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Dollars("110.00"));
  EXPECT_EQ(EventTypes(db_, placed->id),
            (std::vector<std::string>{"order.created", "order.held", "order.hold_released",
                                      "order.allocated"}));
  EXPECT_EQ(AuditActions(db_, placed->id),
            (std::vector<std::string>{"order.place", "order.release_hold"}));
  auto audit = audit::ForEntity(db_.reader(), "order", placed->id.value());
  EXPECT_EQ(audit[1].actor, "user:bob");
  EXPECT_EQ(audit[1].before["status"], "on_hold");
  EXPECT_EQ(audit[1].after["status"], "open");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderChangesTest, ReleaseAllocatesWhatThereIsAndBackordersTheRest) {
  auto big = SimpleCustomer("C-BIG", "1000000.00");
  big.on_hold = true;
  db_.AddCustomer(big);
  auto placed = db_.Place(OrderFor("C-BIG", {{"WID-100", "130"}}));
  ASSERT_TRUE(placed.ok());
  auto released = db_.ReleaseHold(placed->id, "credit", "ok");
  ASSERT_TRUE(released.ok()) << released.status().ToString();
  EXPECT_EQ(StatusOf(*released), "backordered");
  EXPECT_EQ(released->lines[0].quantity_allocated(), 100);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 100);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderChangesTest, ReleaseErrors) {
  auto open = db_.Place(OrderFor("C-1", {{"WID-100", "1"}}));
  auto held = db_.Place(OrderFor("C-1", {{"WID-100", "10"}}));
  ASSERT_TRUE(open.ok() && held.ok());
  ASSERT_EQ(StatusOf(*held), "on_hold");

  EXPECT_EQ(db_.ReleaseHold(open->id, "credit", "n").status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(db_.ReleaseHold(held->id, "manual", "n").status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(db_.ReleaseHold(OrderId(999), "credit", "n").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db_.ReleaseHold(held->id, "credit", "n", test_support::kManager, 7).status().code(),
            ErrorCode::kPreconditionFailed);

  ASSERT_TRUE(db_.ReleaseHold(held->id, "credit", "n", test_support::kManager, 1).ok());
  EXPECT_EQ(db_.ReleaseHold(held->id, "credit", "again").status().code(), ErrorCode::kInvalidState);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderChangesTest, CancelReleasesAllocationsAndOpenOrderValue) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "4"}, {"WID-100", "3"}}));
  ASSERT_TRUE(placed.ok());
  ASSERT_EQ(db_.Stock("WID-100", "W1").allocated, 7);
  ASSERT_EQ(db_.OpenOrderValue("C-1"), Dollars("70.00"));
  db_.clock().AdvanceSeconds(5);

  auto cancelled = db_.Cancel(placed->id, "customer changed plans", "user:carol");
  ASSERT_TRUE(cancelled.ok()) << cancelled.status().ToString();
  EXPECT_EQ(StatusOf(*cancelled), "cancelled");
  auto stored = db_.LoadOrder(placed->id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(orders::ToJson(*stored), orders::ToJson(*cancelled));
  EXPECT_EQ(StatusOf(*stored), "cancelled");
  EXPECT_EQ(stored->cancel_reason, std::optional<std::string>("customer changed plans"));
  EXPECT_EQ(stored->version, 2);
  EXPECT_EQ(stored->updated_at, db_.clock().Now());
  for (const auto& l : stored->lines) {
    EXPECT_EQ(l.quantity_cancelled, l.quantity);
    EXPECT_TRUE(l.allocations.empty());
  }
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 100);
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Money());
  EXPECT_EQ(db_.QueryInt("SELECT COALESCE(SUM(quantity), 0) FROM stock_movements "
                         "WHERE kind = 'deallocate'"),
            -7);
  EXPECT_EQ(db_.Count("order_allocations"), 0);
  EXPECT_EQ(EventTypes(db_, placed->id),
            (std::vector<std::string>{"order.created", "order.allocated", "order.cancelled"}));
  auto audit = audit::ForEntity(db_.reader(), "order", placed->id.value());
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].action, "order.cancel");
  EXPECT_EQ(audit[1].actor, "user:carol");
  EXPECT_EQ(audit[1].before["status"], "open");
  EXPECT_EQ(audit[1].after["status"], "cancelled");
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));

  // The stock is free for the next order.
  auto next = db_.Place(OrderFor("C-1", {{"WID-100", "10"}}));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(StatusOf(*next), "open");
}

TEST_F(OrderChangesTest, CancellingTwiceIsInvalidState) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "2"}}));
  ASSERT_TRUE(placed.ok());
  ASSERT_TRUE(db_.Cancel(placed->id, "first").ok());
  auto before = db_.Snapshot();
  auto again = db_.Cancel(placed->id, "second");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kInvalidState);
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(db_.LoadOrder(placed->id)->cancel_reason, std::optional<std::string>("first"));
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Money());
}

TEST_F(OrderChangesTest, CancelErrors) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "2"}}));
  ASSERT_TRUE(placed.ok());
  auto no_reason = db_.Cancel(placed->id, "");
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(no_reason.status().errors(),
              ::testing::UnorderedElementsAre(FieldIs("reason", "required")));
  EXPECT_EQ(db_.Cancel(OrderId(999), "x").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db_.Cancel(placed->id, "x", test_support::kClerk, 2).status().code(),
            ErrorCode::kPreconditionFailed);
  EXPECT_EQ(StatusOf(*db_.LoadOrder(placed->id)), "open");
  EXPECT_TRUE(db_.Cancel(placed->id, "x", test_support::kClerk, 1).ok());
}

TEST_F(OrderChangesTest, CancellingAHeldOrderReleasesItsOpenValue) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "20"}}));
  ASSERT_TRUE(placed.ok());
  ASSERT_EQ(StatusOf(*placed), "on_hold");
  ASSERT_EQ(db_.OpenOrderValue("C-1"), Dollars("200.00"));
  auto cancelled = db_.Cancel(placed->id, "duplicate");
  ASSERT_TRUE(cancelled.ok()) << cancelled.status().ToString();
  EXPECT_EQ(StatusOf(*cancelled), "cancelled");
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Money());
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_EQ(db_.ReleaseHold(placed->id, "credit", "too late").status().code(),
            ErrorCode::kInvalidState);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(OrderChangesTest, CancelReleasesRoundedValueExactly) {
  // Odd prices whose line values were rounded on placement must come off to the cent.
  auto placed = db_.Place(
      OrderFor("C-1", {{"WID-100", "3", "", "0.3333", "x"}, {"WID-100", "7", "", "1.0005", "y"}}));
  ASSERT_TRUE(placed.ok());
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Dollars("1.00") + Dollars("7.00"));
  ASSERT_TRUE(db_.Cancel(placed->id, "z").ok());
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Money());
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

}  // namespace
}  // namespace ordo::flows
