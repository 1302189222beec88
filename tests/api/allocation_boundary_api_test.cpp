// The allocation boundary through POST /api/v1/orders: an order for exactly what is available
// is allocated in full, one unit more backorders exactly one, in one warehouse and across two.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

// The fixture has 20 WID-200 in W1 alone, and 100 WID-100 in W1 and 50 in W2.
class AllocationBoundaryApiTest : public OrdersApiTest {
 protected:
  nlohmann::json Order(const std::string& sku, int quantity) {
    return Place("sales", OrderBody("C-1", R"([{"sku": ")" + sku + R"(", "quantity": )" +
                                               std::to_string(quantity) + "}]"));
  }
};

TEST_F(AllocationBoundaryApiTest, ExactlyTheAvailableQuantityIsAllocatedInFull) {
  auto order = Order("WID-200", 20);
  EXPECT_EQ(order["status"], "open");
  EXPECT_EQ(order["lines"][0]["quantity_allocated"], 20);
  EXPECT_EQ(order["lines"][0]["quantity_backordered"], 0);
  EXPECT_EQ(db_.Stock("WID-200", "W1").allocated, 20);

  auto next = Order("WID-200", 1);  // nothing is left
  EXPECT_EQ(next["status"], "backordered");
  EXPECT_EQ(next["lines"][0]["quantity_allocated"], 0);
  EXPECT_EQ(next["lines"][0]["quantity_backordered"], 1);
  EXPECT_TRUE(Consistent());
}

TEST_F(AllocationBoundaryApiTest, OneUnitMoreThanAvailableBackordersExactlyOne) {
  auto order = Order("WID-200", 21);
  EXPECT_EQ(order["status"], "backordered");
  EXPECT_EQ(order["lines"][0]["quantity_allocated"], 20);
  EXPECT_EQ(order["lines"][0]["quantity_backordered"], 1);
  EXPECT_EQ(db_.Stock("WID-200", "W1").allocated, 20);
  EXPECT_TRUE(Consistent());
}

TEST_F(AllocationBoundaryApiTest, AcrossWarehousesTheSumIsTheBoundary) {
  auto all = Order("WID-100", 150);
  EXPECT_EQ(all["status"], "open");
  EXPECT_EQ(all["lines"][0]["allocations"],
            nlohmann::json::parse(R"([{"warehouse": "W1", "quantity": 100},
                                      {"warehouse": "W2", "quantity": 50}])"));
  auto cancelled = Call("sales", "POST", "/api/v1/orders/" + IdOf(all) + "/cancel",
                        R"({"reason": "again with one more"})");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;

  auto one_more = Order("WID-100", 151);
  EXPECT_EQ(one_more["status"], "backordered");
  EXPECT_EQ(one_more["lines"][0]["quantity_allocated"], 150);
  EXPECT_EQ(one_more["lines"][0]["quantity_backordered"], 1);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 100);
  EXPECT_EQ(db_.Stock("WID-100", "W2").allocated, 50);
  EXPECT_TRUE(Consistent());
}

}  // namespace
}  // namespace ordo::api::testing
