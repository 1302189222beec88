// The order's read model: the orders module stores ids only; the view names the order the way
// the API and the audit records show it.
#include "views/order_view.h"

#include <gtest/gtest.h>

#include "orders/order_json.h"
#include "orders/order_repository.h"
#include "support/test_db.h"
#include "views/order_list_view.h"

namespace ordo::views {
namespace {

using test_support::OrderFor;
using test_support::SimpleCustomer;

class OrderViewTest : public ::testing::Test {
 protected:
  OrderViewTest() {
    // The warehouse made first ranks last, so the order by id and the order shown differ.
    db_.AddWarehouse("W-LATE", 20);
    db_.AddWarehouse("W-EARLY", 10);
    db_.AddItem("WID-100", "10.00");
    db_.AddItem("WID-200", "4.00");
    db_.Receive("W-LATE", "WID-100", 6);
    db_.Receive("W-EARLY", "WID-100", 4);
    db_.Receive("W-LATE", "WID-200", 50);
    db_.AddCustomer(SimpleCustomer("C-1", "10000.00"));
    db_.AddCustomer(SimpleCustomer("C-2", "10000.00"));
  }

  orders::Order Place(const std::string& customer,
                      const std::vector<test_support::LineSpec>& lines) {
    auto placed = db_.Place(OrderFor(customer, lines));
    EXPECT_TRUE(placed.ok()) << placed.status().ToString();
    return placed.ok() ? *placed : orders::Order{};
  }

  test_support::TestDb db_;
};

TEST_F(OrderViewTest, TheRepositoryReadsIdsOnly) {
  orders::Order placed = Place("C-1", {{"WID-100", "10"}});
  auto stored = orders::LoadOrder(db_.reader(), placed.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->customer, placed.customer);
  EXPECT_EQ(stored->customer_code, "");
  EXPECT_EQ(stored->ship_to_code, "");
  ASSERT_EQ(stored->lines.size(), 1u);
  EXPECT_EQ(stored->lines[0].sku, "");
  // By warehouse id: W-LATE (made first) before W-EARLY.
  ASSERT_EQ(stored->lines[0].allocations.size(), 2u);
  EXPECT_EQ(stored->lines[0].allocations[0].quantity, 6);
  EXPECT_EQ(stored->lines[0].allocations[0].warehouse_code, "");
}

TEST_F(OrderViewTest, NamesTheOrderAndShowsAllocationsByRank) {
  orders::Order placed = Place("C-1", {{"WID-100", "10"}, {"WID-200", "3"}});
  auto shown = views::LoadOrder(db_.reader(), placed.id);
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->customer_code, "C-1");
  EXPECT_EQ(shown->ship_to_code, "MAIN");
  ASSERT_EQ(shown->lines.size(), 2u);
  EXPECT_EQ(shown->lines[0].sku, "WID-100");
  EXPECT_EQ(shown->lines[1].sku, "WID-200");
  const auto& a = shown->lines[0].allocations;
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].warehouse_code, "W-EARLY");
  EXPECT_EQ(a[0].quantity, 4);
  EXPECT_EQ(a[1].warehouse_code, "W-LATE");
  EXPECT_EQ(a[1].quantity, 6);
  // Exactly the document placement wrote (its names came from what it resolved).
  EXPECT_EQ(orders::OrderJson(*shown), orders::OrderJson(placed));
  auto by_number = views::LoadOrderByNumber(db_.reader(), placed.number);
  ASSERT_TRUE(by_number);
  EXPECT_EQ(orders::OrderJson(*by_number), orders::OrderJson(placed));
}

TEST_F(OrderViewTest, NoSuchOrder) {
  EXPECT_FALSE(views::LoadOrder(db_.reader(), OrderId(99)));
  EXPECT_FALSE(views::LoadOrderByNumber(db_.reader(), "SO-000099"));
}

TEST_F(OrderViewTest, TheListNamesEveryCustomerOfThePage) {
  orders::Order first = Place("C-1", {{"WID-200", "1"}});
  orders::Order second = Place("C-2", {{"WID-200", "1"}});
  orders::Order third = Place("C-1", {{"WID-200", "1"}});
  auto bare = orders::ListOrders(db_.reader(), {}, std::nullopt, 10);
  ASSERT_EQ(bare.size(), 3u);
  EXPECT_EQ(bare[0].customer_code, "");
  auto rows = views::ListOrders(db_.reader(), {}, std::nullopt, 10);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].id, third.id);
  EXPECT_EQ(rows[0].customer_code, "C-1");
  EXPECT_EQ(rows[1].id, second.id);
  EXPECT_EQ(rows[1].customer_code, "C-2");
  EXPECT_EQ(rows[2].id, first.id);
  EXPECT_EQ(rows[2].customer_code, "C-1");
  orders::OrderFilter only_c2;
  only_c2.customer_id = second.customer;
  auto filtered = views::ListOrders(db_.reader(), only_c2, std::nullopt, 10);
  ASSERT_EQ(filtered.size(), 1u);
  EXPECT_EQ(filtered[0].customer_code, "C-2");
  EXPECT_TRUE(views::ListOrders(db_.reader(), {}, first.id, 10).empty());
}

}  // namespace
}  // namespace ordo::views
