// Order entry in two steps: PrepareOrder on a read connection, PlacePreparedOrder on the writer.
// What the writer places must be what PlaceOrder would place at that moment, even when the
// items, prices or customer changed after the order was prepared.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "catalog/item_repository.h"
#include "catalog/item_update.h"
#include "customers/customer_repository.h"
#include "customers/customer_update.h"
#include "flows/order_placement.h"
#include "flows/reference_version.h"
#include "orders/order_json.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo::flows {
namespace {

using test_support::Dollars;
using test_support::OrderFor;
using test_support::SimpleCustomer;

class PreparedOrderTest : public ::testing::Test {
 protected:
  PreparedOrderTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "2.50");
    db_.AddItem("BOLT-7", "0.1234", {{"CS", 12}});
    db_.Receive("W1", "WID-100", 100);
    db_.Receive("W1", "BOLT-7", 1000);
    db_.AddCustomer(SimpleCustomer("C-1", "100000.00"));
  }

  Result<PreparedOrder> Prepare(const PlaceOrderRequest& r) {
    auto conn = db_.Connect();  // a connection of its own, as a request handler's reader
    return PrepareOrder(*conn, r, {}, DateOf(db_.clock().Now()));
  }

  Result<PlacedOrder> PlacePrepared(const PlaceOrderRequest& r, const PreparedOrder& p) {
    return db_.executor().RunFor<PlacedOrder>([&](store::Connection& c) -> Result<PlacedOrder> {
      return PlacePreparedOrder(c, db_.Context(), r, p);
    });
  }

  void Patch(const std::string& sku, const catalog::ItemPatch& patch) {
    auto item = catalog::FindItemBySku(db_.reader(), sku);
    ASSERT_TRUE(item.has_value());
    Status st = db_.executor().Run([&](store::Connection& c) {
      return catalog::UpdateItem(c, db_.Context(), item->id, patch, std::nullopt).status();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
  }

  test_support::TestDb db_;
};

TEST_F(PreparedOrderTest, PreparingWritesNothing) {
  auto before = db_.Snapshot();
  auto prepared = Prepare(OrderFor("C-1", {{"WID-100", "4"}}));
  ASSERT_TRUE(prepared.ok()) << prepared.status().ToString();
  EXPECT_EQ(prepared->order.subtotal, Dollars("10.00"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(PreparedOrderTest, PlacedAsPreparedWhenNothingChanged) {
  PlaceOrderRequest r = OrderFor("C-1", {{"WID-100", "4"}, {"BOLT-7", "2", "CS"}});
  auto prepared = Prepare(r);
  ASSERT_TRUE(prepared.ok());
  auto placed = PlacePrepared(r, *prepared);
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(placed->order.number, "SO-000001");
  EXPECT_EQ(placed->order.subtotal, Dollars("10.00") + Dollars("2.96"));
  auto stored = db_.LoadOrder(placed->order.id);
  ASSERT_TRUE(stored.has_value());
  // The JSON handed back is the order as stored.
  EXPECT_EQ(placed->json, orders::OrderJson(*stored));
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 4);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PreparedOrderTest, APriceChangedAfterPreparingIsTheOneCharged) {
  PlaceOrderRequest r = OrderFor("C-1", {{"WID-100", "4"}});
  auto prepared = Prepare(r);
  ASSERT_TRUE(prepared.ok());
  catalog::ItemPatch patch;
  patch.list_price = Dollars("3.00");
  Patch("WID-100", patch);
  auto placed = PlacePrepared(r, *prepared);
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(placed->order.lines[0].unit_price, Dollars("3.00"));
  EXPECT_EQ(db_.LoadOrder(placed->order.id)->subtotal, Dollars("12.00"));
  EXPECT_EQ(db_.OpenOrderValue("C-1"), Dollars("12.00"));
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PreparedOrderTest, AnItemRetiredAfterPreparingIsRefusedAndNothingWritten) {
  PlaceOrderRequest r = OrderFor("C-1", {{"WID-100", "4"}, {"BOLT-7", "1"}});
  auto prepared = Prepare(r);
  ASSERT_TRUE(prepared.ok());
  catalog::ItemPatch patch;
  patch.active = false;
  Patch("BOLT-7", patch);
  auto before = db_.Snapshot();
  auto placed = PlacePrepared(r, *prepared);
  ASSERT_FALSE(placed.ok());
  EXPECT_EQ(placed.status().code(), ErrorCode::kInvalidArgument);
  ASSERT_EQ(placed.status().errors().size(), 1u);
  EXPECT_EQ(placed.status().errors()[0].field, "lines/1/sku");
  EXPECT_EQ(placed.status().errors()[0].code, "inactive_sku");
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(PreparedOrderTest, ACustomerPutOnHoldAfterPreparingGetsACreditHold) {
  PlaceOrderRequest r = OrderFor("C-1", {{"WID-100", "4"}});
  auto prepared = Prepare(r);
  ASSERT_TRUE(prepared.ok());
  auto customer = customers::FindCustomerByCode(db_.reader(), "C-1");
  ASSERT_TRUE(customer.has_value());
  customers::CustomerPatch patch;
  patch.on_hold = true;
  Status st = db_.executor().Run([&](store::Connection& c) {
    return customers::UpdateCustomer(c, db_.Context(), customer->id, patch, std::nullopt).status();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  auto placed = PlacePrepared(r, *prepared);
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  EXPECT_EQ(orders::StatusName(orders::DeriveStatus(placed->order)), "on_hold");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_TRUE(test_support::InvariantsHold(db_.reader()));
}

TEST_F(PreparedOrderTest, EveryReferenceTableBumpsTheVersion) {
  auto version = [&] { return ReadReferenceVersion(db_.reader()); };
  int64_t v0 = version();
  db_.AddWarehouse("W2", 20);
  int64_t v1 = version();
  EXPECT_GT(v1, v0);
  db_.AddItem("NEW-1", "1.00", {{"CS", 6}});
  int64_t v2 = version();
  EXPECT_GT(v2, v1);
  db_.SaveTier("GOLD", 500);
  int64_t v3 = version();
  EXPECT_GT(v3, v2);
  db_.AddCustomer(SimpleCustomer("C-2", "10.00"));
  int64_t v4 = version();
  EXPECT_GT(v4, v3);
  // Stock and orders are not reference data: receiving and ordering leave it alone.
  db_.Receive("W1", "NEW-1", 5);
  ASSERT_TRUE(db_.Place(OrderFor("C-1", {{"NEW-1", "1"}})).ok());
  EXPECT_EQ(version(), v4);
}

TEST_F(PreparedOrderTest, EveryReferenceTableHasItsThreeVersionTriggers) {
  // A migration that rebuilds one of these tables drops its triggers; this names what must be
  // there.
  std::vector<std::string> want;
  for (const char* table :
       {"items", "item_packs", "customers", "ship_tos", "price_tiers", "warehouses",
        // the catalog facts (migration 0017)
        "product_lines", "customer_part_numbers",
        // the pricing rules (migration 0021)
        "price_lists", "price_list_prices", "price_breaks", "contracts", "contract_prices",
        "promotions", "customer_pricing",
        // tax at entry (0019), configurators (0020), approvals (0021)
        "tax_rates", "tax_exemptions", "configurators", "approval_rules"}) {
    for (const char* op : {"insert", "update", "delete"}) {
      want.push_back(std::string(table) + "_" + op + "_version");
    }
  }
  std::sort(want.begin(), want.end());
  std::vector<std::string> have;
  store::Query q(db_.reader(),
                 "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_version' "
                 "ORDER BY name");
  while (q.Next()) have.push_back(q.Text(0));
  EXPECT_EQ(have, want);
}

TEST_F(PreparedOrderTest, PackAndShipToChangesBumpTheVersion) {
  int64_t v0 = ReadReferenceVersion(db_.reader());
  catalog::ItemPatch packs;
  packs.pack_sizes = std::vector<PackSize>{{"CS", 24}};
  Patch("BOLT-7", packs);
  int64_t v1 = ReadReferenceVersion(db_.reader());
  EXPECT_GT(v1, v0);
  // Behind the catalog's back, as any other code might: the triggers still see it.
  auto conn = db_.Connect();
  conn->Execute("UPDATE ship_tos SET preferred_warehouse_id = NULL");
  EXPECT_GT(ReadReferenceVersion(db_.reader()), v1);
}

}  // namespace
}  // namespace ordo::flows
