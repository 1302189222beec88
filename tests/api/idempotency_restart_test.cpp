// Idempotency keys outlive the server: a request retried with the same Idempotency-Key after
// the server was stopped and a new one started over the same database file (a restart, or a
// client whose first answer was lost in a crash) gets the stored answer back and writes
// nothing twice.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

const std::string kTen = OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])");

class IdempotencyRestartTest : public OrdersApiTest {};

TEST_F(IdempotencyRestartTest, APlacedOrderRetriedAfterARestartIsReplayedNotPlacedAgain) {
  HeaderList key = {{"Idempotency-Key", "order-before-restart"}};
  auto first = Call("sales", "POST", "/api/v1/orders", kTen, key);
  ASSERT_EQ(first.status, 201) << first.body;

  RestartServer();

  auto again = Call("sales", "POST", "/api/v1/orders", kTen, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(again.Header("Location"), first.Header("Location"));
  EXPECT_EQ(db_.Count("orders"), 1);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'order.place'"), 1);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);

  // The same key with another body is still refused, and the new server writes normally.
  auto other = Call("sales", "POST", "/api/v1/orders",
                    OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 11}])"), key);
  EXPECT_TRUE(IsProblem(other, 409, "idempotency_key_reused"));
  auto fresh = Call("sales", "POST", "/api/v1/orders", kTen);
  EXPECT_EQ(fresh.status, 201) << fresh.body;
  EXPECT_EQ(db_.Count("orders"), 2);
  EXPECT_TRUE(Consistent());
}

TEST_F(IdempotencyRestartTest, ACancelRetriedAfterARestartIsReplayed) {
  auto order = Place("sales", kTen);
  std::string target = "/api/v1/orders/" + IdOf(order) + "/cancel";
  HeaderList key = {{"Idempotency-Key", "cancel-before-restart"}};
  auto first = Call("sales", "POST", target, R"({"reason": "x"})", key);
  ASSERT_EQ(first.status, 200) << first.body;

  RestartServer();

  auto again = Call("sales", "POST", target, R"({"reason": "x"})", key);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'order.cancel'"), 1);
  EXPECT_TRUE(Consistent());
}

}  // namespace
}  // namespace ordo::api::testing
