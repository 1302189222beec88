// The stored order status (migration 0004 and its upkeep): the migration's backfill computes
// what orders::DeriveStatus computes, for every status an order can have, and the invariant
// checker notices a stored status that has drifted from the derived one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "orders/order.h"
#include "orders/order_repository.h"
#include "store/migrations.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/migrate_to.h"
#include "support/temp_dir.h"
#include "support/test_db.h"

namespace ordo::test_support {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

constexpr Timestamp kNow{1'772'442'000'000'000};

// Orders written at schema version 3, one per status an order can be in. Each has one line
// (item 1, quantity 10 unless noted); the comment says what else makes its status.
const char* const kVersion3Orders = R"sql(
INSERT INTO warehouses (id, code, name, created_at) VALUES (1, 'W1', 'W1', 0);
INSERT INTO items (id, sku, name, uom, list_price, cost, tax_class, active, created_at,
                   updated_at) VALUES (1, 'A', 'A', 'EA', 10000, 0, 'std', 1, 0, 0);
INSERT INTO customers (id, code, name, payment_terms, credit_limit, created_at, updated_at)
  VALUES (1, 'C-1', 'C', 'NET30', 0, 0, 0);
INSERT INTO ship_tos (id, customer_id, code) VALUES (1, 1, 'MAIN');
INSERT INTO orders (id, number, customer_id, ship_to_id, channel, currency, subtotal,
                    created_at, updated_at)
  VALUES (1, 'SO-000001', 1, 1, 'api', 'USD', 0, 0, 0), (2, 'SO-000002', 1, 1, 'api', 'USD', 0, 0, 0),
         (3, 'SO-000003', 1, 1, 'api', 'USD', 0, 0, 0), (4, 'SO-000004', 1, 1, 'api', 'USD', 0, 0, 0),
         (5, 'SO-000005', 1, 1, 'api', 'USD', 0, 0, 0), (6, 'SO-000006', 1, 1, 'api', 'USD', 0, 0, 0),
         (7, 'SO-000007', 1, 1, 'api', 'USD', 0, 0, 0), (8, 'SO-000008', 1, 1, 'api', 'USD', 0, 0, 0),
         (9, 'SO-000009', 1, 1, 'api', 'USD', 0, 0, 0);
INSERT INTO order_lines (id, order_id, line_no, item_id, entered_quantity, entered_uom, quantity,
                         quantity_shipped, quantity_invoiced, quantity_cancelled, unit_price,
                         price_source, extended_amount)
  VALUES (1, 1, 1, 1, 10, 'EA', 10, 0, 0, 0, 0, 'list', 0),   -- open: allocated in full
         (2, 2, 1, 1, 10, 'EA', 10, 0, 0, 0, 0, 'list', 0),   -- backordered: 4 allocated
         (3, 3, 1, 1, 10, 'EA', 10, 0, 0, 0, 0, 'list', 0),   -- on_hold: an active hold
         (4, 4, 1, 1, 10, 'EA', 10, 0, 0, 10, 0, 'list', 0),  -- cancelled
         (5, 5, 1, 1, 10, 'EA', 10, 4, 0, 0, 0, 'list', 0),   -- partially_shipped
         (6, 6, 1, 1, 10, 'EA', 10, 10, 0, 0, 0, 'list', 0),  -- shipped
         (7, 7, 1, 1, 10, 'EA', 10, 8, 8, 2, 0, 'list', 0),   -- invoiced (2 cancelled)
         (8, 8, 1, 1, 10, 'EA', 10, 10, 0, 0, 0, 'list', 0),  -- shipped, a hold changes nothing
         (9, 9, 1, 1, 10, 'EA', 10, 0, 0, 0, 0, 'list', 0),   -- backordered: hold released
         (10, 1, 2, 1, 5, 'EA', 5, 0, 0, 5, 0, 'list', 0);    -- order 1: a cancelled line
INSERT INTO order_allocations (order_line_id, warehouse_id, quantity)
  VALUES (1, 1, 10), (2, 1, 4), (5, 1, 6);
INSERT INTO order_holds (order_id, kind, reason, created_at, released_at)
  VALUES (3, 'credit', 'x', 0, NULL), (8, 'manual', 'x', 0, NULL), (9, 'credit', 'x', 0, 5);
)sql";

TEST(OrderStatusColumn, MigrationBackfillsTheDerivedStatus) {
  TempDb db;
  store::ConnectionPtr conn = db.Connect();
  MigrateTo(*conn, 3);
  conn->Execute(kVersion3Orders);
  ManualClock clock(kNow);
  auto applied = store::Migrate(*conn, clock);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  ASSERT_FALSE(applied->empty());
  EXPECT_EQ(applied->front(), 4);  // and whatever later migrations exist

  const std::map<int64_t, std::string> expected = {
      {1, "open"},      {2, "backordered"},       {3, "on_hold"},
      {4, "cancelled"}, {5, "partially_shipped"}, {6, "shipped"},
      {7, "invoiced"},  {8, "shipped"},           {9, "backordered"}};
  for (const auto& [id, want] : expected) {
    store::Query q(*conn, "SELECT status FROM orders WHERE id = ?", id);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Text(0), want) << "order " << id;
    auto order = orders::LoadOrder(*conn, OrderId(id));
    ASSERT_TRUE(order);
    EXPECT_EQ(orders::StatusName(orders::DeriveStatus(*order)), want) << "order " << id;
  }
  // Migration 0012 marks the lines that await stock: the backordered order's short line, and
  // none of the fully allocated open order's.
  auto awaiting = [&](int64_t order) {
    store::Query q(*conn, "SELECT SUM(awaiting_stock) FROM order_lines WHERE order_id = ?", order);
    return q.Next() ? q.Int(0) : -1;
  };
  EXPECT_GE(awaiting(2), 1);
  EXPECT_EQ(awaiting(1), 0);
  store::Query wrong(*conn,
                     "SELECT COUNT(*) FROM order_lines l WHERE l.awaiting_stock != (l.quantity - "
                     "l.quantity_shipped - l.quantity_cancelled > COALESCE((SELECT "
                     "SUM(a.quantity) FROM order_allocations a WHERE a.order_line_id = l.id), 0))");
  ASSERT_TRUE(wrong.Next());
  EXPECT_EQ(wrong.Int(0), 0);
}

class StoredStatusTest : public ::testing::Test {
 protected:
  StoredStatusTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "2.50");
    db_.Receive("W1", "WID-100", 10);
    db_.AddCustomer(SimpleCustomer("C-1", "1000.00"));
    db_.AddCustomer(SimpleCustomer("C-2", "10.00"));
  }
  std::string StoredText(OrderId id) {
    store::Query q(db_.reader(), "SELECT status FROM orders WHERE id = ?", id);
    return q.Next() ? q.Text(0) : "";
  }
  TestDb db_;
};

TEST_F(StoredStatusTest, CommandsKeepTheStoredStatus) {
  auto open = db_.Place(OrderFor("C-1", {{"WID-100", "4"}}));
  ASSERT_TRUE(open.ok()) << open.status().ToString();
  EXPECT_EQ(StoredText(open->id), "open");
  auto backordered = db_.Place(OrderFor("C-1", {{"WID-100", "8"}}));
  ASSERT_TRUE(backordered.ok());
  EXPECT_EQ(StoredText(backordered->id), "backordered");
  auto held = db_.Place(OrderFor("C-2", {{"WID-100", "5"}}));
  ASSERT_TRUE(held.ok());
  EXPECT_EQ(StoredText(held->id), "on_hold");
  ASSERT_TRUE(db_.Cancel(backordered->id, "x").ok());  // gives back its 6: 6 available
  EXPECT_EQ(StoredText(backordered->id), "cancelled");
  ASSERT_TRUE(db_.ReleaseHold(held->id, "credit", "ok").ok());
  EXPECT_EQ(StoredText(held->id), "open");
  EXPECT_TRUE(InvariantsHold(db_.reader()));
}

TEST_F(StoredStatusTest, InvariantCheckerNoticesADriftedStatus) {
  auto placed = db_.Place(OrderFor("C-1", {{"WID-100", "4"}}));
  ASSERT_TRUE(placed.ok());
  EXPECT_TRUE(InvariantsHold(db_.reader()));
  db_.Connect()->Execute("UPDATE orders SET status = 'shipped'");
  EXPECT_THAT(FindInvariantViolations(db_.reader()),
              Contains(HasSubstr("SO-000001 has stored status 'shipped' but its lines and holds "
                                 "make it 'open'")));
}

}  // namespace
}  // namespace ordo::test_support
