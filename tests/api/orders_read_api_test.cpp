// The order endpoints that read, over real HTTP: the order by id or number, the filtered
// newest-first list, the timeline; customer scope for portal users on each.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

const std::string kOne = OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1}])");

class OrderReadApiTest : public OrdersApiTest {
 protected:
  // The numbers of a list response's items, in order.
  std::vector<std::string> Numbers(const std::string& target, const std::string& user = "sales") {
    auto r = Call(user, "GET", target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    std::vector<std::string> out;
    if (r.status != 200) return out;
    auto body = r.Json();
    for (const auto& o : body["items"]) out.push_back(o["number"]);
    return out;
  }
};

TEST_F(OrderReadApiTest, ShowByIdAndByNumber) {
  auto placed = Place("sales", kOne);
  auto by_id = Call("warehouse", "GET", "/api/v1/orders/" + IdOf(placed));
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_EQ(by_id.Json(), placed);
  EXPECT_EQ(by_id.Header("ETag").value_or(""), "\"1\"");
  auto by_number = Call("arclerk", "GET", "/api/v1/orders/SO-000001");
  EXPECT_EQ(by_number.body, by_id.body);
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/orders/SO-000404"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/orders/404"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/orders/1"), 401, "unauthenticated"));
  for (const char* user : {"admin", "sales", "manager", "warehouse", "arclerk", "integration"}) {
    EXPECT_EQ(Call(user, "GET", "/api/v1/orders/1").status, 200) << user;
  }
}

TEST_F(OrderReadApiTest, PortalUsersSeeOnlyTheirOwnCustomersOrders) {
  auto mine = Place("sales", kOne);
  auto theirs = Place("sales", OrderBody("C-2", R"([{"sku": "WID-100", "quantity": 1}])"));
  EXPECT_EQ(Call("portal", "GET", "/api/v1/orders/" + IdOf(mine)).status, 200);
  EXPECT_EQ(Call("portal", "GET", "/api/v1/orders/SO-000001").status, 200);
  EXPECT_EQ(Call("portal", "GET", "/api/v1/orders/" + IdOf(mine) + "/events").status, 200);

  auto by_id = Call("portal", "GET", "/api/v1/orders/" + IdOf(theirs));
  auto by_number = Call("portal", "GET", "/api/v1/orders/SO-000002");
  auto events = Call("portal", "GET", "/api/v1/orders/SO-000002/events");
  auto missing = Call("portal", "GET", "/api/v1/orders/SO-000404");
  for (const auto* r : {&by_id, &by_number, &events, &missing}) {
    ASSERT_TRUE(IsProblem(*r, 404, "not_found"));
    EXPECT_EQ(r->Json()["title"], missing.Json()["title"]);
  }
  EXPECT_EQ(by_number.Json()["detail"], "no order SO-000002");
  EXPECT_EQ(missing.Json()["detail"], "no order SO-000404");
  EXPECT_EQ(Call("portal2", "GET", "/api/v1/orders/" + IdOf(theirs)).status, 200);

  EXPECT_EQ(Numbers("/api/v1/orders", "portal"), std::vector<std::string>{"SO-000001"});
  EXPECT_EQ(Numbers("/api/v1/orders", "portal2"), std::vector<std::string>{"SO-000002"});
  // Filtering on another customer finds nothing rather than the other customer's orders.
  EXPECT_TRUE(Numbers("/api/v1/orders?customer=C-2", "portal").empty());
  EXPECT_TRUE(
      Numbers("/api/v1/orders?customer=" + std::to_string(CustomerId("C-2")), "portal").empty());
  EXPECT_EQ(Numbers("/api/v1/orders?customer=C-1", "portal"),
            std::vector<std::string>{"SO-000001"});
}

TEST_F(OrderReadApiTest, ListIsNewestFirstWithSummaries) {
  Place("sales", kOne);
  Place("sales", OrderBody("C-2", R"([{"sku": "WID-200", "quantity": 3}])",
                           R"(, "po_number": "PO-9", "channel": "edi")"));
  auto r = Call("sales", "GET", "/api/v1/orders");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = r.Json();
  EXPECT_TRUE(body["next_cursor"].is_null());
  ASSERT_EQ(body["items"].size(), 2u);
  auto newest = body["items"][0];
  EXPECT_EQ(newest, nlohmann::json::parse(R"({
      "id": 2, "number": "SO-000002", "version": 1, "customer": "C-2", "status": "open",
      "po_number": "PO-9", "channel": "edi", "total": "30.00", "currency": "USD",
      "created_at": "2026-03-02T09:00:00Z"})"));
  EXPECT_EQ(body["items"][1]["number"], "SO-000001");
  EXPECT_EQ(Call("", "GET", "/api/v1/orders").status, 401);
}

TEST_F(OrderReadApiTest, CursorPagesVisitEveryOrderOnce) {
  for (int i = 0; i < 5; ++i) Place("sales", kOne);
  std::vector<std::string> numbers;
  std::string target = "/api/v1/orders?limit=2";
  int pages = 0;
  while (true) {
    auto r = Call("sales", "GET", target);
    ASSERT_EQ(r.status, 200) << r.body;
    auto body = r.Json();
    ++pages;
    for (const auto& o : body["items"]) numbers.push_back(o["number"]);
    if (body["next_cursor"].is_null()) break;
    target = "/api/v1/orders?limit=2&cursor=" + body["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(numbers, (std::vector<std::string>{"SO-000005", "SO-000004", "SO-000003", "SO-000002",
                                               "SO-000001"}));
}

TEST_F(OrderReadApiTest, FiltersByDerivedStatus) {
  Place("sales", kOne);                                                         // open
  Place("sales", OrderBody("C-1", R"([{"sku": "WID-200", "quantity": 30}])"));  // backordered
  auto held = Place("sales", HeldBody());                                       // on_hold
  auto cancelled = Place("sales", kOne);
  ASSERT_EQ(
      Call("sales", "POST", "/api/v1/orders/" + IdOf(cancelled) + "/cancel", R"({"reason": "x"})")
          .status,
      200);
  EXPECT_EQ(Numbers("/api/v1/orders?status=open"), std::vector<std::string>{"SO-000001"});
  EXPECT_EQ(Numbers("/api/v1/orders?status=backordered"), std::vector<std::string>{"SO-000002"});
  EXPECT_EQ(Numbers("/api/v1/orders?status=on_hold"), std::vector<std::string>{"SO-000003"});
  EXPECT_EQ(Numbers("/api/v1/orders?status=cancelled"), std::vector<std::string>{"SO-000004"});
  EXPECT_TRUE(Numbers("/api/v1/orders?status=shipped").empty());

  // Releasing the hold moves the order to the list of its new status.
  ASSERT_EQ(Call("manager", "POST", "/api/v1/orders/" + IdOf(held) + "/holds/credit/release", "{}")
                .status,
            200);
  EXPECT_TRUE(Numbers("/api/v1/orders?status=on_hold").empty());
  EXPECT_EQ(Numbers("/api/v1/orders?status=open"),
            (std::vector<std::string>{"SO-000003", "SO-000001"}));
  EXPECT_EQ(Numbers("/api/v1/orders?status=open&customer=C-2"),
            std::vector<std::string>{"SO-000003"});
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderReadApiTest, FiltersByCustomerCodeOrId) {
  Place("sales", kOne);
  Place("sales", OrderBody("C-2", R"([{"sku": "WID-100", "quantity": 1}])"));
  Place("sales", kOne);
  EXPECT_EQ(Numbers("/api/v1/orders?customer=C-1"),
            (std::vector<std::string>{"SO-000003", "SO-000001"}));
  EXPECT_EQ(Numbers("/api/v1/orders?customer=" + std::to_string(CustomerId("C-2"))),
            std::vector<std::string>{"SO-000002"});
  EXPECT_TRUE(Numbers("/api/v1/orders?customer=C-404").empty());
}

TEST_F(OrderReadApiTest, FiltersByCreationDateOrInstant) {
  // Placed a day apart through the domain (the API tokens would expire), read back at the start.
  Timestamp start = db_.clock().Now();
  for (int day = 0; day < 3; ++day) {  // 2026-03-02/03/04T09:00:00Z
    ASSERT_TRUE(db_.Place(test_support::OrderFor("C-1", {{"WID-100", "1"}})).ok());
    db_.clock().AdvanceSeconds(86'400);
  }
  db_.clock().Set(start);
  EXPECT_EQ(Numbers("/api/v1/orders?created_from=2026-03-03"),
            (std::vector<std::string>{"SO-000003", "SO-000002"}));
  EXPECT_EQ(Numbers("/api/v1/orders?created_to=2026-03-03"),
            (std::vector<std::string>{"SO-000002", "SO-000001"}));
  EXPECT_EQ(Numbers("/api/v1/orders?created_from=2026-03-03&created_to=2026-03-03"),
            std::vector<std::string>{"SO-000002"});
  // Instants are inclusive at both ends.
  EXPECT_EQ(Numbers("/api/v1/orders?created_from=2026-03-03T09:00:00Z&"
                    "created_to=2026-03-04T09:00:00Z"),
            (std::vector<std::string>{"SO-000003", "SO-000002"}));
  EXPECT_EQ(Numbers("/api/v1/orders?created_to=2026-03-03T08:59:59Z"),
            std::vector<std::string>{"SO-000001"});
  EXPECT_EQ(Numbers("/api/v1/orders?created_from=2026-03-03T11:00:00%2B02:00"),
            (std::vector<std::string>{"SO-000003", "SO-000002"}));
  EXPECT_TRUE(Numbers("/api/v1/orders?created_from=2026-03-05").empty());
}

TEST_F(OrderReadApiTest, FiltersByChannel) {
  Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1}])", R"(, "channel": "edi")"));
  Place("sales", kOne);
  Place("sales", OrderBody("C-2", R"([{"sku": "WID-100", "quantity": 1}])", R"(, "channel": "edi")"));
  EXPECT_EQ(Numbers("/api/v1/orders?channel=edi"),
            (std::vector<std::string>{"SO-000003", "SO-000001"}));
  EXPECT_EQ(Numbers("/api/v1/orders?channel=edi&customer=C-2"),
            std::vector<std::string>{"SO-000003"});
  EXPECT_TRUE(Numbers("/api/v1/orders?channel=csv").empty());
  auto r = Call("sales", "GET", "/api/v1/orders?channel=fax");
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(r),
            (std::set<std::pair<std::string, std::string>>{{"channel", "invalid_value"}}));
}

TEST_F(OrderReadApiTest, BadListParametersAreEachReported) {
  auto r = Call("sales", "GET",
                "/api/v1/orders?status=shipping&created_from=yesterday&created_to=2026-02-30"
                "&colour=red");
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(r),
            (std::set<std::pair<std::string, std::string>>{{"status", "invalid_value"},
                                                           {"created_from", "invalid_value"},
                                                           {"created_to", "invalid_value"},
                                                           {"colour", "unknown_parameter"}}));
  for (const char* q : {"limit=0", "limit=501", "cursor=zzz"}) {
    EXPECT_TRUE(IsProblem(Call("sales", "GET", std::string("/api/v1/orders?") + q), 400,
                          "invalid_argument"))
        << q;
  }
}

TEST_F(OrderReadApiTest, TimelineListsTheOrdersEventsOldestFirst) {
  auto held = Place("sales", HeldBody());
  ASSERT_EQ(Call("manager", "POST", "/api/v1/orders/" + IdOf(held) + "/holds/credit/release",
                 R"({"note": "paid"})")
                .status,
            200);
  ASSERT_EQ(
      Call("sales", "POST", "/api/v1/orders/" + IdOf(held) + "/cancel", R"({"reason": "too late"})")
          .status,
      200);
  Place("sales", kOne);  // another order's events stay out of this timeline

  auto r =
      Call("arclerk", "GET", "/api/v1/orders/" + held["number"].get<std::string>() + "/events");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = r.Json();
  EXPECT_TRUE(body["next_cursor"].is_null());
  std::vector<std::string> types;
  int64_t last_id = 0;
  for (const auto& e : body["items"]) {
    types.push_back(e["type"]);
    EXPECT_GT(e["id"].get<int64_t>(), last_id);
    last_id = e["id"];
    EXPECT_EQ(e["at"], "2026-03-02T09:00:00Z");
    EXPECT_EQ(e["payload"]["id"], held["id"]);
  }
  EXPECT_EQ(types, (std::vector<std::string>{"order.created", "order.held", "order.hold_released",
                                             "order.allocated", "order.cancelled"}));
  EXPECT_EQ(body["items"][2]["payload"]["note"], "paid");
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/orders/SO-000404/events"), 404, "not_found"));
}

}  // namespace
}  // namespace ordo::api::testing
