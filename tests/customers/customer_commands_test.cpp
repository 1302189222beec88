// The customers module's commands: unique codes, references checked, a zero balance to start
// with, and price tiers.
#include "customers/customer_commands.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo {
namespace {

using test_support::FieldIs;
using test_support::SimpleCustomer;
using ::testing::UnorderedElementsAre;

class CustomerCommandsTest : public ::testing::Test {
 protected:
  CustomerCommandsTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "2.50", {{"CS", 12}});
  }

  test_support::TestDb db_;
};

TEST_F(CustomerCommandsTest, CustomerCodesAreUnique) {
  db_.AddCustomer(SimpleCustomer("C-1", "10.00"));
  CommandContext ctx = db_.Context();
  auto again = db_.executor().RunFor<customers::Customer>([&](store::Connection& c) {
    return customers::CreateCustomer(c, ctx, SimpleCustomer("C-1", "10.00"));
  });
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), ErrorCode::kConflict);
  EXPECT_EQ(db_.Count("customers"), 1);
}

TEST_F(CustomerCommandsTest, CustomerReferencesAreChecked) {
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

TEST_F(CustomerCommandsTest, NewCustomerStartsWithAZeroBalance) {
  auto c = db_.AddCustomer(SimpleCustomer("C-3", "500.00", "W1"));
  EXPECT_EQ(db_.OpenOrderValue("C-3"), Money());
  ASSERT_EQ(c.ship_tos.size(), 1u);
  EXPECT_TRUE(c.ship_tos[0].preferred_warehouse.has_value());
}

TEST_F(CustomerCommandsTest, PriceTierIsSavedAndChanged) {
  db_.SaveTier("GOLD", 1000);
  db_.SaveTier("GOLD", 1500);
  EXPECT_EQ(db_.QueryInt("SELECT discount_bp FROM price_tiers WHERE code = 'GOLD'"), 1500);
  EXPECT_THROW(db_.SaveTier("BAD", 10001), std::runtime_error);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'price_tier.save'"), 2);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM outbox_events WHERE type = 'price_tier.saved'"), 2);
}

}  // namespace
}  // namespace ordo
