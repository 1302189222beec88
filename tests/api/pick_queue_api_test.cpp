// The pick queue over HTTP (GET /api/v1/warehouses/{ref}/pick-queue): which orders wait to be
// picked in a warehouse, oldest first, with their open pick list; held orders and orders that
// ship complete while short of stock are left out; pages, permissions and bad parameters.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

class PickQueueApiTest : public OrdersApiTest {
 protected:
  nlohmann::json Queue(const std::string& user, const std::string& query = "W1") {
    auto r = Call(user, "GET", "/api/v1/warehouses/" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }
  static std::string Queued(const std::string& warehouse_and_query = "") {
    return "W1/pick-queue" + warehouse_and_query;
  }
};

TEST_F(PickQueueApiTest, OrdersWaitingInAWarehouseOldestFirst) {
  auto first = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 5},
                                                   {"sku": "WID-200", "quantity": 2}])"));
  Place("manager", HeldBody());  // on a credit hold: not for the warehouse yet
  // Ships complete and W1 has 18 of the 30: a pick list of it would be refused.
  Place("sales", OrderBody("C-1", R"([{"sku": "WID-200", "quantity": 30}])",
                           R"(, "allow_partial_shipment": false)"));
  auto second = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 3}])"));

  auto queue = Queue("warehouse", Queued());
  EXPECT_EQ(queue["warehouse"], "W1");
  ASSERT_EQ(queue["items"].size(), 2u) << queue.dump();
  EXPECT_EQ(queue["items"][0]["order"], first["number"]);
  EXPECT_EQ(queue["items"][0]["customer"], "C-1");
  EXPECT_EQ(queue["items"][0]["lines"], 2);
  EXPECT_EQ(queue["items"][0]["quantity"], 7);
  EXPECT_EQ(queue["items"][0]["placed_at"], first["created_at"]);
  EXPECT_TRUE(queue["items"][0]["pick_list"].is_null());
  EXPECT_EQ(queue["items"][1]["order"], second["number"]);
  EXPECT_TRUE(queue["next_cursor"].is_null());
  EXPECT_EQ(Queue("warehouse", "W2/pick-queue")["items"].size(), 0u);

  // A pick list made of the first: it stays in the queue, picked from that list.
  auto made =
      Call("warehouse", "POST", "/api/v1/shipments",
           R"({"order": ")" + first["number"].get<std::string>() + R"(", "warehouse": "W1"})");
  ASSERT_EQ(made.status, 201) << made.body;
  queue = Queue("sales", Queued());
  ASSERT_EQ(queue["items"].size(), 2u);
  EXPECT_EQ(queue["items"][0]["pick_list"]["number"], made.Json()["number"]);
  EXPECT_EQ(queue["items"][0]["pick_list"]["lines"], 2);

  // Shipped: it leaves the queue.
  auto shipped = Call("warehouse", "POST",
                      "/api/v1/shipments/" + made.Json()["number"].get<std::string>() + "/confirm",
                      R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z1",
                          "packages": [{"weight": 4}]})");
  ASSERT_EQ(shipped.status, 200) << shipped.body;
  queue = Queue("warehouse", Queued());
  ASSERT_EQ(queue["items"].size(), 1u);
  EXPECT_EQ(queue["items"][0]["order"], second["number"]);
  EXPECT_TRUE(Consistent());
}

TEST_F(PickQueueApiTest, PagesPermissionsAndBadParameters) {
  auto first = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1}])"));
  auto second = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 2}])"));
  auto page = Queue("warehouse", Queued("?limit=1"));
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_EQ(page["items"][0]["order"], first["number"]);
  ASSERT_TRUE(page["next_cursor"].is_string());
  auto next =
      Queue("warehouse", Queued("?limit=1&cursor=" + page["next_cursor"].get<std::string>()));
  ASSERT_EQ(next["items"].size(), 1u);
  EXPECT_EQ(next["items"][0]["order"], second["number"]);

  EXPECT_TRUE(
      IsProblem(Call("warehouse", "GET", "/api/v1/warehouses/W9/pick-queue"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "GET", "/api/v1/warehouses/W1/pick-queue?colour=red"),
                        400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "GET", "/api/v1/warehouses/W1/pick-queue?limit=0"), 400,
                        "invalid_argument"));
  EXPECT_TRUE(
      IsProblem(Call("portal", "GET", "/api/v1/warehouses/W1/pick-queue"), 403, "forbidden"));
  EXPECT_TRUE(
      IsProblem(Call("", "GET", "/api/v1/warehouses/W1/pick-queue"), 401, "unauthenticated"));
}

}  // namespace
}  // namespace ordo::api::testing
