// The invariant checker itself: quiet on a consistent database, loud on each kind of damage.
#include "support/invariants.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "flows/order_shipment.h"
#include "store/query.h"
#include "support/test_db.h"

namespace ordo::test_support {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

class InvariantCheckerTest : public ::testing::Test {
 protected:
  InvariantCheckerTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "2.50");
    db_.Receive("W1", "WID-100", 10);
    db_.AddCustomer(SimpleCustomer("C-1", "1000.00"));
    auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "4"}}));
    if (!placed.ok()) throw std::runtime_error(placed.status().ToString());
    order_ = placed->id;
    damage_ = db_.Connect();
  }

  // Violations after `sql` was applied behind the domain's back.
  std::vector<std::string> After(const std::string& sql) {
    damage_->Execute(sql);
    return FindInvariantViolations(db_.reader());
  }

  TestDb db_;
  OrderId order_;
  store::ConnectionPtr damage_;
};

TEST_F(InvariantCheckerTest, ConsistentDatabaseHasNoViolations) {
  EXPECT_TRUE(InvariantsHold(db_.reader()));
  EXPECT_TRUE(FindInvariantViolations(db_.reader()).empty());
}

TEST_F(InvariantCheckerTest, AllocatedNotMatchingOrderAllocations) {
  auto v = After("UPDATE stock SET allocated = allocated + 1");
  EXPECT_THAT(v, Contains(HasSubstr("!= SUM(order_allocations)")));
  EXPECT_THAT(v, Contains(HasSubstr("!= SUM(allocate + deallocate + ship movements)")));
  EXPECT_FALSE(InvariantsHold(db_.reader()));
}

TEST_F(InvariantCheckerTest, AFullyAllocatedLineMarkedAsAwaitingStock) {
  auto v = After("UPDATE order_lines SET awaiting_stock = 1");
  EXPECT_THAT(v, Contains(HasSubstr("line 1 has awaiting_stock 1")));
}

TEST_F(InvariantCheckerTest, AMovementMissingFromTheItemIndex) {
  auto v = After(
      "UPDATE stock_movements_indexed SET through_id = (SELECT MAX(id) FROM stock_movements)");
  EXPECT_THAT(v, Contains(HasSubstr("but not in the item index")));
}

TEST_F(InvariantCheckerTest, AnItemIndexRowPastThroughId) {
  auto v = After(
      "INSERT INTO stock_movements_by_item (item_id, movement_id, warehouse_id) "
      "SELECT item_id, id, warehouse_id FROM stock_movements ORDER BY id DESC LIMIT 1");
  EXPECT_THAT(v, Contains(HasSubstr("which is past through_id")));
}

TEST_F(InvariantCheckerTest, OnHandNotMatchingTheLedger) {
  auto v = After(
      "INSERT INTO stock_movements (item_id, warehouse_id, kind, quantity, at) "
      "SELECT item_id, warehouse_id, 'receipt', 5, 0 FROM stock");
  EXPECT_THAT(v, Contains(HasSubstr("!= SUM(receipt + adjustment + ship + return movements)")));
}

TEST_F(InvariantCheckerTest, UnknownMovementKind) {
  auto v = After(
      "INSERT INTO stock_movements (item_id, warehouse_id, kind, quantity, at) "
      "SELECT item_id, warehouse_id, 'teleport', 0, 0 FROM stock");
  EXPECT_THAT(v, Contains(HasSubstr("unknown kind 'teleport'")));
}

TEST_F(InvariantCheckerTest, ShippedQuantityWithoutAShipment) {
  auto v = After("UPDATE order_lines SET quantity_shipped = 1");
  EXPECT_THAT(v, Contains(HasSubstr("quantity_shipped 1 != SUM(confirmed shipment lines) 0")));
}

TEST_F(InvariantCheckerTest, ShippedAndCancelledBeyondTheQuantity) {
  // The table's CHECK forbids this already; drop it to show the checker sees it too.
  damage_->Execute("PRAGMA ignore_check_constraints = ON");
  auto v = After("UPDATE order_lines SET quantity_cancelled = quantity, quantity_shipped = 1");
  EXPECT_THAT(v, Contains(HasSubstr("shipped 1 + cancelled 4 > quantity 4")));
}

// Migration 0014 copies the order's customer onto each shipment and each order line's item
// onto its shipment line; a copy that disagrees with the order is reported.
TEST_F(InvariantCheckerTest, AShipmentWhoseCopiedCustomerOrItemDisagreesWithItsOrder) {
  CommandContext ctx = db_.Context();
  auto pick = db_.executor().RunFor<fulfillment::Shipment>(
      [&](store::Connection& c) { return flows::CreateShipment(c, ctx, order_, "W1"); });
  ASSERT_TRUE(pick.ok()) << pick.status().ToString();
  ASSERT_TRUE(InvariantsHold(db_.reader()));
  db_.AddCustomer(SimpleCustomer("C-2", "1000.00"));
  db_.AddItem("BOLT-7", "0.25");
  EXPECT_THAT(After("UPDATE shipments SET customer_id = (SELECT id FROM customers "
                    "WHERE code = 'C-2')"),
              Contains(HasSubstr("does not match its order line")));
  damage_->Execute(
      "UPDATE shipments SET customer_id = (SELECT customer_id FROM orders "
      "WHERE orders.id = shipments.order_id)");
  ASSERT_TRUE(InvariantsHold(db_.reader()));
  EXPECT_THAT(After("UPDATE shipment_lines SET item_id = (SELECT id FROM items "
                    "WHERE sku = 'BOLT-7')"),
              Contains(HasSubstr("does not match its order line")));
  EXPECT_THAT(After("UPDATE shipment_lines SET item_id = NULL"),
              Contains(HasSubstr("does not match its order line")));
}

TEST_F(InvariantCheckerTest, ShipmentNumberGap) {
  auto v = After(
      "INSERT INTO shipments (number, order_id, warehouse_id, status, created_at) "
      "SELECT 'SH-000002', id, 1, 'picking', 0 FROM orders; "
      "UPDATE sequences SET next_value = 2 WHERE name = 'SH'");
  EXPECT_THAT(v, Contains(HasSubstr("shipment numbers have a gap: expected SH-000001")));
}

TEST_F(InvariantCheckerTest, OpenOrderValueNotMatchingTheLines) {
  auto v = After("UPDATE customer_balances SET open_order_value = open_order_value + 1");
  EXPECT_THAT(v, Contains(HasSubstr("open_order_value")));
}

TEST_F(InvariantCheckerTest, OrderWithoutPlaceAudit) {
  auto v = After("DELETE FROM audit_log WHERE action = 'order.place'");
  EXPECT_THAT(v, Contains(HasSubstr("has no 'order.place' audit row")));
}

TEST_F(InvariantCheckerTest, OrderWithoutLinesAndNumberGap) {
  auto v = After(
      "INSERT INTO orders (number, customer_id, ship_to_id, channel, currency, subtotal, "
      "created_at, updated_at) SELECT 'SO-000003', customer_id, ship_to_id, 'api', 'USD', 0, 0, 0 "
      "FROM orders LIMIT 1");
  EXPECT_THAT(v, Contains(HasSubstr("SO-000003 has no lines")));
  EXPECT_THAT(v, Contains(HasSubstr("gap")));
  EXPECT_THAT(v, Contains(HasSubstr("sequence SO")));
}

TEST_F(InvariantCheckerTest, ExtendedAmountAndSubtotalMismatch) {
  auto v = After("UPDATE order_lines SET extended_amount = extended_amount + 100");
  EXPECT_THAT(v, Contains(HasSubstr("!= unit_price * quantity")));
  EXPECT_THAT(v, Contains(HasSubstr("!= SUM(extended_amount)")));
}

TEST_F(InvariantCheckerTest, AllocationBeyondTheOpenQuantity) {
  auto v = After("UPDATE order_lines SET quantity_cancelled = 1");
  EXPECT_THAT(v, Contains(HasSubstr("allocated but only 3 open")));
}

TEST_F(InvariantCheckerTest, AllocationsOnAHeldOrder) {
  auto v = After(
      "INSERT INTO order_holds (order_id, kind, reason, created_at) "
      "SELECT id, 'manual', 'x', 0 FROM orders");
  EXPECT_THAT(v, Contains(HasSubstr("is on hold but has allocations")));
}

// The checker rounds on its own: an order whose extension, subtotal and open value all agree
// with each other but were rounded half-up (2.1250 x 1 -> 2.13) is still wrong.
TEST_F(InvariantCheckerTest, AnExtensionRoundedHalfUpIsSeenEvenWhenEverythingAgreesWithIt) {
  db_.AddItem("TIE-1", "2.1250");
  db_.Receive("W1", "TIE-1", 5);
  auto placed = db_.Place(OrderFor("C-1", {{"TIE-1", "1"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  ASSERT_EQ(placed->lines[0].extended_amount, Dollars("2.12"));
  ASSERT_TRUE(InvariantsHold(db_.reader()));
  auto v = After(
      "UPDATE order_lines SET extended_amount = 21300 WHERE extended_amount = 21200; "
      "UPDATE orders SET subtotal = 21300 WHERE subtotal = 21200; "
      "UPDATE customer_balances SET open_order_value = open_order_value + 100");
  EXPECT_THAT(v, Contains(HasSubstr("extended_amount 2.1300 != unit_price * quantity 2.1200")));
  EXPECT_THAT(v, Contains(HasSubstr("open_order_value")));
}

// The stored status is compared with the checker's own reading of the lines and holds.
TEST_F(InvariantCheckerTest, AStoredStatusTheLinesDoNotMake) {
  auto v = After("UPDATE orders SET status = 'backordered'");
  EXPECT_THAT(v, Contains(HasSubstr("has stored status 'backordered' but its lines and holds "
                                    "make it 'open'")));
}

TEST_F(InvariantCheckerTest, AnOrderInACurrencyTheCheckerDoesNotKnow) {
  auto v = After("UPDATE orders SET currency = 'XXX'");
  EXPECT_THAT(v, Contains(HasSubstr("has unknown currency 'XXX'")));
}

}  // namespace
}  // namespace ordo::test_support
