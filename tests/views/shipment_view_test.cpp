// The shipment's read model: the fulfillment module stores its own rows and ids (the order's
// customer and each line's item are copied onto the pick list); the view adds the order
// number, the warehouse code and the SKUs.
#include "views/shipment_view.h"

#include <gtest/gtest.h>

#include "flows/order_shipment.h"
#include "fulfillment/shipment_repository.h"
#include "store/migrations.h"
#include "support/migrate_to.h"
#include "support/temp_dir.h"
#include "support/test_db.h"

namespace ordo::views {
namespace {

using test_support::OrderFor;
using test_support::SimpleCustomer;

class ShipmentViewTest : public ::testing::Test {
 protected:
  ShipmentViewTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddWarehouse("W2", 20);
    db_.AddItem("WID-100", "10.00");
    db_.AddItem("WID-200", "4.00");
    db_.Receive("W1", "WID-100", 10);
    db_.Receive("W2", "WID-200", 10);
    db_.AddCustomer(SimpleCustomer("C-1", "10000.00"));
    db_.AddCustomer(SimpleCustomer("C-2", "10000.00"));
  }

  orders::Order Place(const std::string& customer,
                      const std::vector<test_support::LineSpec>& lines) {
    auto placed = db_.Place(OrderFor(customer, lines));
    EXPECT_TRUE(placed.ok()) << placed.status().ToString();
    return placed.ok() ? *placed : orders::Order{};
  }

  fulfillment::Shipment Create(OrderId order, const std::string& warehouse) {
    CommandContext ctx = db_.Context();
    auto s = db_.executor().RunFor<fulfillment::Shipment>(
        [&](store::Connection& c) { return flows::CreateShipment(c, ctx, order, warehouse); });
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? *s : fulfillment::Shipment{};
  }

  test_support::TestDb db_;
};

TEST_F(ShipmentViewTest, TheRepositoryReadsItsOwnRowsOnly) {
  orders::Order order = Place("C-2", {{"WID-100", "2"}, {"WID-200", "3"}});
  fulfillment::Shipment made = Create(order.id, "W2");
  auto stored = fulfillment::LoadShipment(db_.reader(), made.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->order, order.id);
  EXPECT_EQ(stored->customer, order.customer);
  EXPECT_EQ(stored->order_number, "");
  EXPECT_EQ(stored->warehouse_code, "");
  ASSERT_EQ(stored->lines.size(), 1u);
  EXPECT_EQ(stored->lines[0].item, order.lines[1].item);
  EXPECT_EQ(stored->lines[0].sku, "");
}

TEST_F(ShipmentViewTest, NamesTheShipmentAsItWasMade) {
  orders::Order order = Place("C-1", {{"WID-100", "2"}, {"WID-200", "3"}});
  fulfillment::Shipment made = Create(order.id, "W1");
  auto shown = views::LoadShipment(db_.reader(), made.id);
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->order_number, order.number);
  EXPECT_EQ(shown->warehouse_code, "W1");
  ASSERT_EQ(shown->lines.size(), 1u);
  EXPECT_EQ(shown->lines[0].sku, "WID-100");
  EXPECT_EQ(fulfillment::ToJson(*shown), fulfillment::ToJson(made));
  auto by_number = views::LoadShipmentByNumber(db_.reader(), made.number);
  ASSERT_TRUE(by_number);
  EXPECT_EQ(fulfillment::ToJson(*by_number), fulfillment::ToJson(made));
  EXPECT_FALSE(views::LoadShipment(db_.reader(), ShipmentId(99)));
  EXPECT_FALSE(views::LoadShipmentByNumber(db_.reader(), "SH-000099"));
}

TEST_F(ShipmentViewTest, TheListNamesEveryRowAndFiltersOnTheCopiedCustomer) {
  orders::Order first = Place("C-1", {{"WID-100", "2"}});
  orders::Order second = Place("C-2", {{"WID-200", "3"}});
  fulfillment::Shipment a = Create(first.id, "W1");
  fulfillment::Shipment b = Create(second.id, "W2");
  auto rows = views::ListShipments(db_.reader(), {}, std::nullopt, 10);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(fulfillment::ToJson(rows[0]), fulfillment::ToJson(b));
  EXPECT_EQ(fulfillment::ToJson(rows[1]), fulfillment::ToJson(a));
  fulfillment::ShipmentFilter c2;
  c2.customer = second.customer;
  auto only = views::ListShipments(db_.reader(), c2, std::nullopt, 10);
  ASSERT_EQ(only.size(), 1u);
  EXPECT_EQ(only[0].number, b.number);
  EXPECT_EQ(only[0].order_number, second.number);
  EXPECT_EQ(only[0].warehouse_code, "W2");
}

// A pick list made before migration 0014 (no customer on the shipment, no item on its line):
// the migration copies both from the order, so the shipment is scoped, filtered and named as
// one made after.
TEST(ShipmentReferencesMigration, CopiesTheOrdersCustomerAndTheLinesItem) {
  test_support::TempDb db;
  store::ConnectionPtr conn = db.Connect();
  test_support::MigrateTo(*conn, 13);
  conn->Execute(R"sql(
INSERT INTO warehouses (id, code, name, created_at) VALUES (1, 'W1', 'W1', 0), (2, 'W2', 'W2', 0);
INSERT INTO items (id, sku, name, uom, list_price, cost, tax_class, active, created_at,
                   updated_at) VALUES (1, 'A', 'A', 'EA', 0, 0, 'std', 1, 0, 0),
                                      (2, 'B', 'B', 'EA', 0, 0, 'std', 1, 0, 0);
INSERT INTO customers (id, code, name, payment_terms, credit_limit, created_at, updated_at)
  VALUES (1, 'C-1', 'C', 'NET30', 0, 0, 0), (2, 'C-2', 'C', 'NET30', 0, 0, 0);
INSERT INTO ship_tos (id, customer_id, code) VALUES (1, 1, 'MAIN'), (2, 2, 'MAIN');
INSERT INTO orders (id, number, customer_id, ship_to_id, channel, currency, subtotal,
                    created_at, updated_at)
  VALUES (1, 'SO-000001', 2, 2, 'api', 'USD', 0, 0, 0);
INSERT INTO order_lines (id, order_id, line_no, item_id, entered_quantity, entered_uom, quantity,
                         unit_price, price_source, extended_amount)
  VALUES (1, 1, 1, 1, 5, 'EA', 5, 0, 'list', 0), (2, 1, 2, 2, 3, 'EA', 3, 0, 'list', 0);
INSERT INTO shipments (id, number, order_id, warehouse_id, status, created_at)
  VALUES (1, 'SH-000001', 1, 2, 'picking', 0);
INSERT INTO shipment_lines (shipment_id, order_line_id, line_no, quantity)
  VALUES (1, 2, 2, 3);
)sql");
  ManualClock clock(Timestamp{1'772'442'000'000'000});
  auto applied = store::Migrate(*conn, clock);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();

  auto s = views::LoadShipment(*conn, ShipmentId(1));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->customer, CustomerId(2));
  EXPECT_EQ(s->order_number, "SO-000001");
  EXPECT_EQ(s->warehouse_code, "W2");
  ASSERT_EQ(s->lines.size(), 1u);
  EXPECT_EQ(s->lines[0].item, ItemId(2));
  EXPECT_EQ(s->lines[0].sku, "B");
  fulfillment::ShipmentFilter of_c2;
  of_c2.customer = CustomerId(2);
  EXPECT_EQ(views::ListShipments(*conn, of_c2, std::nullopt, 10).size(), 1u);
  fulfillment::ShipmentFilter of_c1;
  of_c1.customer = CustomerId(1);
  EXPECT_TRUE(views::ListShipments(*conn, of_c1, std::nullopt, 10).empty());
}

}  // namespace
}  // namespace ordo::views
