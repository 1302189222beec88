// The inventory module's commands the fixtures build on: warehouses, stock receipts and
// adjustments, with their movements, audit and events.
#include "inventory/stock_commands.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "inventory/warehouse_repository.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo {
namespace {

using test_support::FieldIs;
using test_support::SimpleCustomer;
using ::testing::UnorderedElementsAre;

class StockCommandsTest : public ::testing::Test {
 protected:
  StockCommandsTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "2.50", {{"CS", 12}});
  }

  Status Receive(const inventory::Receipt& r) {
    CommandContext ctx = db_.Context();
    return db_.executor().Run(
        [&](store::Connection& c) { return inventory::ReceiveStock(c, ctx, r); });
  }
  Status Adjust(const inventory::Adjustment& a) {
    CommandContext ctx = db_.Context();
    return db_.executor().Run(
        [&](store::Connection& c) { return inventory::AdjustStock(c, ctx, a); });
  }

  test_support::TestDb db_;
};

TEST_F(StockCommandsTest, WarehouseCodesAreUnique) {
  EXPECT_THROW(db_.AddWarehouse("W1"), std::runtime_error);
  EXPECT_EQ(db_.Count("warehouses"), 1);
}

TEST_F(StockCommandsTest, ReceiptAddsStockWithLedgerAuditAndEvent) {
  ASSERT_TRUE(Receive({"W1", {{"WID-100", 7}, {"WID-100", 5}}, "PO-1"}).ok());
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 12);
  store::Query q(db_.reader(),
                 "SELECT kind, quantity, reference, actor FROM stock_movements ORDER BY id");
  for (int64_t want : {7, 5}) {
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Text(0), "receipt");
    EXPECT_EQ(q.Int(1), want);
    EXPECT_EQ(q.Text(2), "PO-1");
    EXPECT_EQ(q.Text(3), "user:clerk");
  }
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'stock.receive'"), 1);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM outbox_events WHERE type = 'stock.received'"), 1);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(StockCommandsTest, BadReceiptReportsEveryLineAndReceivesNothing) {
  auto before = db_.Snapshot();
  Status st = Receive({"W9", {{"WID-100", 5}, {"NOPE", 1}, {"WID-100", 0}, {"WID-100", -2}}, ""});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.errors(), UnorderedElementsAre(FieldIs("warehouse", "unknown_warehouse"),
                                                FieldIs("lines/1/sku", "unknown_sku"),
                                                FieldIs("lines/2/quantity", "invalid_quantity"),
                                                FieldIs("lines/3/quantity", "invalid_quantity")));
  EXPECT_EQ(db_.Snapshot(), before);
  Status empty = Receive({"W1", {}, ""});
  EXPECT_THAT(empty.errors(), UnorderedElementsAre(FieldIs("lines", "required")));
}

TEST_F(StockCommandsTest, AdjustmentCannotGoBelowAllocatedOrZero) {
  db_.Receive("W1", "WID-100", 10);
  db_.AddCustomer(SimpleCustomer("C-1", "1000.00"));
  ASSERT_TRUE(db_.Place(test_support::OrderFor("C-1", {{"WID-100", "6"}})).ok());
  auto before = db_.Snapshot();
  Status st = Adjust({"W1", "WID-100", -5, "cycle count"});
  EXPECT_EQ(st.code(), ErrorCode::kInsufficientStock);
  EXPECT_EQ(db_.Snapshot(), before);

  ASSERT_TRUE(Adjust({"W1", "WID-100", -4, "cycle count"}).ok());
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 6);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 6);
  EXPECT_EQ(db_.QueryInt("SELECT quantity FROM stock_movements WHERE kind = 'adjustment'"), -4);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(StockCommandsTest, NegativeAdjustmentWithoutStockLeavesNoRowBehind) {
  db_.AddWarehouse("W2", 20);
  auto before = db_.Snapshot();
  Status st = Adjust({"W2", "WID-100", -1, "shrink"});
  EXPECT_EQ(st.code(), ErrorCode::kInsufficientStock);
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(StockCommandsTest, AdjustmentValidation) {
  Status st = Adjust({"W9", "NOPE", 0, ""});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.errors(), UnorderedElementsAre(FieldIs("warehouse", "unknown_warehouse"),
                                                FieldIs("sku", "unknown_sku"),
                                                FieldIs("quantity_delta", "invalid_quantity"),
                                                FieldIs("reason", "required")));
}

}  // namespace
}  // namespace ordo
