// The commands the fixtures build on: warehouses, items, customers, price tiers, stock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "audit/audit_log.h"
#include "catalog/item_commands.h"
#include "customers/customer_commands.h"
#include "events/outbox.h"
#include "inventory/stock_commands.h"
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

class SetupCommandsTest : public ::testing::Test {
 protected:
  SetupCommandsTest() {
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

TEST_F(SetupCommandsTest, DuplicatesAreConflicts) {
  EXPECT_THROW(db_.AddWarehouse("W1"), std::runtime_error);
  EXPECT_THROW(db_.AddItem("WID-100", "1.00"), std::runtime_error);
  db_.AddCustomer(SimpleCustomer("C-1", "10.00"));
  CommandContext ctx = db_.Context();
  auto again = db_.executor().RunFor<customers::Customer>([&](store::Connection& c) {
    return customers::CreateCustomer(c, ctx, SimpleCustomer("C-1", "10.00"));
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(db_.Count("customers"), 1);
}

TEST_F(SetupCommandsTest, CustomerReferencesAreChecked) {
  auto c = SimpleCustomer("C-2", "-1.00", "NOWHERE");
  c.price_tier = "PLATINUM";
  c.payment_terms = "NET999";
  CommandContext ctx = db_.Context();
  auto r = db_.executor().RunFor<customers::Customer>(
      [&](store::Connection& conn) { return customers::CreateCustomer(conn, ctx, c); });
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().errors(),
              UnorderedElementsAre(FieldIs("credit_limit", "out_of_range"),
                                   FieldIs("payment_terms", "unknown_terms"),
                                   FieldIs("price_tier", "unknown_price_tier"),
                                   FieldIs("ship_to/0/preferred_warehouse", "unknown_warehouse")));
  EXPECT_EQ(db_.Count("customers"), 0);
}

TEST_F(SetupCommandsTest, NewCustomerStartsWithAZeroBalance) {
  auto c = db_.AddCustomer(SimpleCustomer("C-3", "500.00", "W1"));
  EXPECT_EQ(db_.OpenOrderValue("C-3"), Money());
  ASSERT_EQ(c.ship_tos.size(), 1u);
  EXPECT_TRUE(c.ship_tos[0].preferred_warehouse.has_value());
}

TEST_F(SetupCommandsTest, ReceiptAddsStockWithLedgerAuditAndEvent) {
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

TEST_F(SetupCommandsTest, BadReceiptReportsEveryLineAndReceivesNothing) {
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

TEST_F(SetupCommandsTest, AdjustmentCannotGoBelowAllocatedOrZero) {
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

TEST_F(SetupCommandsTest, NegativeAdjustmentWithoutStockLeavesNoRowBehind) {
  db_.AddWarehouse("W2", 20);
  auto before = db_.Snapshot();
  Status st = Adjust({"W2", "WID-100", -1, "shrink"});
  EXPECT_EQ(st.code(), ErrorCode::kInsufficientStock);
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(SetupCommandsTest, AdjustmentValidation) {
  Status st = Adjust({"W9", "NOPE", 0, ""});
  ASSERT_FALSE(st.ok());
  EXPECT_THAT(st.errors(), UnorderedElementsAre(FieldIs("warehouse", "unknown_warehouse"),
                                                FieldIs("sku", "unknown_sku"),
                                                FieldIs("quantity_delta", "invalid_quantity"),
                                                FieldIs("reason", "required")));
}

TEST_F(SetupCommandsTest, PriceTierIsSavedAndChanged) {
  db_.SaveTier("GOLD", 1000);
  db_.SaveTier("GOLD", 1500);
  EXPECT_EQ(db_.QueryInt("SELECT discount_bp FROM price_tiers WHERE code = 'GOLD'"), 1500);
  EXPECT_THROW(db_.SaveTier("BAD", 10001), std::runtime_error);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'price_tier.save'"), 2);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM outbox_events WHERE type = 'price_tier.saved'"), 2);
}

TEST_F(SetupCommandsTest, ItemValidationListsEveryField) {
  catalog::NewItem in;
  in.sku = "bad sku";
  in.name = "";
  in.uom = "ea";
  in.list_price = Money::FromUnits(-1);
  in.cost = Money::FromUnits(-1);
  in.tax_class = "";
  in.reorder_point = -1;
  in.packs = {{"CS", 1}};
  CommandContext ctx = db_.Context();
  auto r = db_.executor().RunFor<catalog::Item>(
      [&](store::Connection& c) { return catalog::CreateItem(c, ctx, in); });
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().errors(),
              UnorderedElementsAre(
                  FieldIs("sku", "invalid_sku"), FieldIs("name", "required"),
                  FieldIs("uom", "invalid_uom"), FieldIs("list_price", "out_of_range"),
                  FieldIs("cost", "out_of_range"), FieldIs("tax_class", "required"),
                  FieldIs("reorder_point", "out_of_range"), FieldIs("base_uom", "invalid_uom"),
                  FieldIs("pack_sizes/0/quantity", "invalid_pack_quantity")));
}

}  // namespace
}  // namespace ordo
