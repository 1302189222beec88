// The batched lookups the modules offer the read models and the demo: one query for a whole
// set of ids, repeated ids read once, unknown ids left out; and the counts and lists that let
// other libraries ask instead of running SQL on a module's tables.
#include <gtest/gtest.h>

#include "catalog/item_queries.h"
#include "customers/customer_queries.h"
#include "customers/customer_repository.h"
#include "flows/order_shipment.h"
#include "flows/payments.h"
#include "fulfillment/shipment_repository.h"
#include "inventory/warehouse_repository.h"
#include "invoicing/open_invoices.h"
#include "orders/order_queries.h"
#include "receivables/payment_count.h"
#include "support/test_db.h"

namespace ordo {
namespace {

using test_support::OrderFor;
using test_support::SimpleCustomer;

TEST(Lookups, SkusOfNamesTheItemsItKnows) {
  test_support::TestDb db;
  catalog::Item a = db.AddItem("WID-100", "1.00");
  catalog::Item b = db.AddItem("GAD-7", "2.00");
  auto skus = catalog::SkusOf(db.reader(), {b.id, a.id, b.id, ItemId(999)});
  EXPECT_EQ(skus.size(), 2u);
  EXPECT_EQ(skus.at(a.id), "WID-100");
  EXPECT_EQ(skus.at(b.id), "GAD-7");
  EXPECT_TRUE(catalog::SkusOf(db.reader(), {}).empty());
  EXPECT_EQ(catalog::CountItems(db.reader()), 2);
}

TEST(Lookups, CustomerAndShipToCodes) {
  test_support::TestDb db;
  customers::Customer one = db.AddCustomer(SimpleCustomer("C-1", "100.00"));
  customers::Customer two = db.AddCustomer(SimpleCustomer("C-2", "100.00"));
  auto codes = customers::CustomerCodes(db.reader(), {two.id, one.id, CustomerId(77)});
  EXPECT_EQ(codes.size(), 2u);
  EXPECT_EQ(codes.at(one.id), "C-1");
  EXPECT_EQ(codes.at(two.id), "C-2");
  auto ship_tos = customers::ShipToCodes(db.reader(), {one.ship_tos[0].id, two.ship_tos[0].id});
  EXPECT_EQ(ship_tos.size(), 2u);
  EXPECT_EQ(ship_tos.at(one.ship_tos[0].id), "MAIN");
  EXPECT_TRUE(customers::CustomerCodes(db.reader(), {}).empty());
  EXPECT_EQ(customers::CountCustomers(db.reader()), 2);
  EXPECT_EQ(customers::TotalOpenReceivables(db.reader()), Money());
}

TEST(Lookups, AShipTosPreferredWarehouseIsNamedByInventory) {
  test_support::TestDb db;
  db.AddWarehouse("W1", 10);
  db.AddWarehouse("EAST", 20);
  db.AddCustomer(SimpleCustomer("C-1", "100.00", "EAST"));
  db.AddCustomer(SimpleCustomer("C-2", "100.00"));
  auto preferring = customers::FindCustomerByCode(db.reader(), "C-1");
  ASSERT_TRUE(preferring);
  EXPECT_EQ(preferring->ship_tos.at(0).preferred_warehouse_code, "EAST");
  EXPECT_EQ(customers::ToJson(*preferring)["ship_to"][0]["preferred_warehouse"], "EAST");
  auto plain = customers::FindCustomerByCode(db.reader(), "C-2");
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->ship_tos.at(0).preferred_warehouse);
  EXPECT_EQ(plain->ship_tos.at(0).preferred_warehouse_code, "");
  EXPECT_EQ(inventory::CountWarehouses(db.reader()), 2);
}

TEST(Lookups, OrderNumbersCountsAndAllocatedWarehouses) {
  test_support::TestDb db;
  WarehouseId w2 = db.AddWarehouse("W2", 20).id;
  WarehouseId w1 = db.AddWarehouse("W1", 10).id;
  db.AddItem("WID-100", "1.00");
  db.Receive("W1", "WID-100", 3);
  db.Receive("W2", "WID-100", 3);
  db.AddCustomer(SimpleCustomer("C-1", "1000.00"));
  auto split = db.Place(OrderFor("C-1", {{"WID-100", "5"}}));  // 3 in W1, 2 in W2
  ASSERT_TRUE(split.ok()) << split.status().ToString();
  auto cancelled = db.Place(OrderFor("C-1", {{"WID-100", "1"}}));
  ASSERT_TRUE(cancelled.ok()) << cancelled.status().ToString();
  ASSERT_TRUE(db.Cancel(cancelled->id, "not wanted").ok());

  auto numbers = orders::OrderNumbers(db.reader(), {cancelled->id, split->id, OrderId(50)});
  EXPECT_EQ(numbers.size(), 2u);
  EXPECT_EQ(numbers.at(split->id), "SO-000001");
  EXPECT_EQ(numbers.at(cancelled->id), "SO-000002");
  EXPECT_EQ(orders::CountOrders(db.reader()), 2);
  EXPECT_EQ(orders::CountCancelledOrders(db.reader()), 1);

  // Only orders created before the bound count; the cancelled one holds nothing.
  db.clock().AdvanceSeconds(1);
  auto pairs = orders::ListAllocatedOrderWarehouses(db.reader(), db.clock().Now());
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0].order, split->id);
  EXPECT_EQ(pairs[0].warehouse, std::min(w1, w2));
  EXPECT_EQ(pairs[1].warehouse, std::max(w1, w2));
  EXPECT_TRUE(orders::ListAllocatedOrderWarehouses(db.reader(), split->created_at).empty());

  EXPECT_EQ(fulfillment::CountShippedShipments(db.reader()), 0);
  EXPECT_TRUE(invoicing::OpenInvoiceIds(db.reader()).empty());
}

TEST(Lookups, ShippedShipmentsOpenInvoicesAndPayments) {
  test_support::TestDb db;
  db.AddWarehouse("W1", 10);
  db.AddItem("WID-100", "10.00");
  db.Receive("W1", "WID-100", 10);
  db.AddCustomer(SimpleCustomer("C-1", "1000.00"));
  CommandContext ctx = db.Context();
  std::vector<invoicing::InvoiceId> invoices;
  for (int i = 0; i < 3; ++i) {
    auto order = db.Place(OrderFor("C-1", {{"WID-100", "1"}}));
    ASSERT_TRUE(order.ok()) << order.status().ToString();
    auto done = db.executor().RunFor<flows::ConfirmedShipment>(
        [&](store::Connection& c) -> Result<flows::ConfirmedShipment> {
          auto s = flows::CreateShipment(c, ctx, order->id, "W1");
          if (!s.ok()) return s.status();
          flows::ShipmentConfirmation conf;
          conf.carrier = "UPS";
          conf.packages = {{"1"}};
          return flows::ConfirmShipment(c, ctx, s->id, conf, std::nullopt);
        });
    ASSERT_TRUE(done.ok()) << done.status().ToString();
    invoices.push_back(done->invoice.id);
  }
  // A picking shipment is not counted.
  auto picking = db.Place(OrderFor("C-1", {{"WID-100", "1"}}));
  ASSERT_TRUE(picking.ok());
  ASSERT_TRUE(db.executor()
                  .RunFor<fulfillment::Shipment>([&](store::Connection& c) {
                    return flows::CreateShipment(c, ctx, picking->id, "W1");
                  })
                  .ok());
  EXPECT_EQ(fulfillment::CountShippedShipments(db.reader()), 3);
  EXPECT_EQ(invoicing::OpenInvoiceIds(db.reader()), invoices);
  EXPECT_EQ(customers::TotalOpenReceivables(db.reader()), Money::FromWhole(30));

  // Paying the second invoice in full closes it.
  flows::PaymentRequest pay;
  pay.customer = "C-1";
  pay.amount = Money::FromWhole(10);
  pay.method = "check";
  pay.reference = "CHK-1";
  pay.applications.push_back({"IN-000002", Money::FromWhole(10), Money()});
  auto paid = db.executor().RunFor<receivables::Payment>(
      [&](store::Connection& c) { return flows::ReceivePayment(c, ctx, pay); });
  ASSERT_TRUE(paid.ok()) << paid.status().ToString();
  EXPECT_EQ(receivables::CountPayments(db.reader()), 1);
  EXPECT_EQ(invoicing::OpenInvoiceIds(db.reader()),
            (std::vector<invoicing::InvoiceId>{invoices[0], invoices[2]}));
  EXPECT_EQ(customers::TotalOpenReceivables(db.reader()), Money::FromWhole(20));
}

}  // namespace
}  // namespace ordo
