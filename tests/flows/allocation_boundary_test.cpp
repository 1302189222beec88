// The allocation boundary on a real database, through every path that allocates: an order
// line for exactly what is available takes all of it (the single guarded reservation, or a
// split across warehouses), and one unit more backorders exactly that unit; a hold release
// and a receipt allocate up to the boundary the same way.
#include <gtest/gtest.h>

#include <string>

#include "orders/order.h"
#include "support/invariants.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::OrderFor;
using test_support::SimpleCustomer;

class AllocationBoundaryTest : public ::testing::Test {
 protected:
  AllocationBoundaryTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddWarehouse("W2", 20);
    db_.AddItem("WID-100", "10.00");
    db_.AddCustomer(SimpleCustomer("C-1", "100000.00"));
  }

  orders::Order Place(const std::string& quantity) {
    auto placed = db_.Place(OrderFor("C-1", {{"WID-100", quantity}}));
    EXPECT_TRUE(placed.ok()) << placed.status().ToString();
    return placed.ok() ? *placed : orders::Order{};
  }

  static std::string StatusOf(const orders::Order& o) {
    return std::string(orders::StatusName(orders::DeriveStatus(o)));
  }

  test_support::TestDb db_;
};

TEST_F(AllocationBoundaryTest, ExactlyTheAvailableQuantityIsAllocatedInFull) {
  db_.Receive("W1", "WID-100", 10);
  orders::Order o = Place("10");
  ASSERT_EQ(o.lines.size(), 1u);
  EXPECT_EQ(o.lines[0].quantity_allocated(), 10);
  EXPECT_EQ(o.lines[0].quantity_unallocated(), 0);
  EXPECT_EQ(StatusOf(o), "open");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 10);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(AllocationBoundaryTest, OneUnitMoreThanAvailableBackordersExactlyOne) {
  db_.Receive("W1", "WID-100", 10);
  orders::Order o = Place("11");
  EXPECT_EQ(o.lines[0].quantity_allocated(), 10);
  EXPECT_EQ(o.lines[0].quantity_unallocated(), 1);
  EXPECT_EQ(StatusOf(o), "backordered");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(AllocationBoundaryTest, WhatIsLeftAfterAnotherOrderIsTheBoundary) {
  db_.Receive("W1", "WID-100", 10);
  EXPECT_EQ(Place("4").lines[0].quantity_allocated(), 4);
  orders::Order rest = Place("6");  // exactly the 6 still available
  EXPECT_EQ(rest.lines[0].quantity_allocated(), 6);
  EXPECT_EQ(StatusOf(rest), "open");
  orders::Order more = Place("1");  // nothing left
  EXPECT_EQ(more.lines[0].quantity_allocated(), 0);
  EXPECT_EQ(more.lines[0].quantity_unallocated(), 1);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(AllocationBoundaryTest, AcrossWarehousesTheSumIsTheBoundary) {
  db_.Receive("W1", "WID-100", 10);
  db_.Receive("W2", "WID-100", 5);
  orders::Order all = Place("15");
  EXPECT_EQ(all.lines[0].quantity_allocated(), 15);
  EXPECT_EQ(StatusOf(all), "open");
  ASSERT_TRUE(db_.Cancel(all.id, "again, one more").ok());

  orders::Order one_more = Place("16");
  EXPECT_EQ(one_more.lines[0].quantity_allocated(), 15);
  EXPECT_EQ(one_more.lines[0].quantity_unallocated(), 1);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
  EXPECT_EQ(db_.Stock("WID-100", "W2").allocated, 5);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(AllocationBoundaryTest, AReleasedHoldAllocatesUpToTheBoundary) {
  db_.AddCustomer(SimpleCustomer("C-LOW", "50.00"));
  db_.Receive("W1", "WID-100", 10);
  auto held = db_.Place(OrderFor("C-LOW", {{"WID-100", "11"}}));  // 110.00 > 50.00
  ASSERT_TRUE(held.ok()) << held.status().ToString();
  ASSERT_EQ(StatusOf(*held), "on_hold");
  auto released = db_.ReleaseHold(held->id, "credit", "approved");
  ASSERT_TRUE(released.ok()) << released.status().ToString();
  EXPECT_EQ(released->lines[0].quantity_allocated(), 10);
  EXPECT_EQ(released->lines[0].quantity_unallocated(), 1);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(AllocationBoundaryTest, AReceiptOfExactlyTheBackorderFillsIt) {
  db_.Receive("W1", "WID-100", 10);
  orders::Order o = Place("12");
  ASSERT_EQ(o.lines[0].quantity_unallocated(), 2);
  db_.Receive("W1", "WID-100", 1);  // one short of the backorder
  EXPECT_EQ(db_.LoadOrder(o.id)->lines[0].quantity_unallocated(), 1);
  db_.Receive("W1", "WID-100", 1);  // exactly what is left
  auto filled = db_.LoadOrder(o.id);
  EXPECT_EQ(filled->lines[0].quantity_allocated(), 12);
  EXPECT_EQ(StatusOf(*filled), "open");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 12);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 12);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

}  // namespace
}  // namespace ordo::flows
