// The dashboard's report endpoints (GET /api/v1/reports/…) over real HTTP, on orders placed at
// known times a year apart: exact counts and amounts per bucket (day, week, month) beside the
// year earlier, top customers and items, open orders and holds, the parameters' problems, who
// may read them. Every answer is also held to the OpenAPI document by the fixture.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class ReportsApiTest : public OrdersApiTest {
 protected:
  // Orders at known times (the fixture's clock starts 2026-03-02T09:00Z, a Monday, and its
  // tokens last 12 hours, so every order is placed before then):
  //   2025-02-20  C-2  4 x WID-100 =  10.00
  //   2025-03-03  C-1  4 x WID-200 =  40.00   (Monday, 364 days before 2026-03-02)
  //   2026-02-23  C-1 10 x WID-100 =  25.00   (Monday)
  //   2026-03-01  C-2 12 x WID-100 =  30.00, and C-1 1 x WID-200 = 10.00, cancelled
  //   2026-03-02  C-1  2 x WID-200 =  20.00, and C-2 10 x WID-100 at 60.00 = 600.00 on a
  //               credit hold (over C-2's 500.00 limit)
  void SetUp() override {
    OrdersApiTest::SetUp();
    const Timestamp start = db_.clock().Now();
    PlaceAt("2025-02-20T15:00:00Z", "C-2", R"([{"sku": "WID-100", "quantity": 4}])");
    PlaceAt("2025-03-03T15:00:00Z", "C-1", R"([{"sku": "WID-200", "quantity": 4}])");
    PlaceAt("2026-02-23T15:00:00Z", "C-1", R"([{"sku": "WID-100", "quantity": 10}])");
    PlaceAt("2026-03-01T15:00:00Z", "C-2", R"([{"sku": "WID-100", "quantity": 12}])");
    json cancelled =
        PlaceAt("2026-03-01T16:00:00Z", "C-1", R"([{"sku": "WID-200", "quantity": 1}])");
    auto r = Call("sales", "POST", "/api/v1/orders/" + IdOf(cancelled) + "/cancel",
                  R"({"reason": "not needed"})", {{"If-Match", "\"1\""}});
    ASSERT_EQ(r.status, 200) << r.body;
    PlaceAt("2026-03-02T08:00:00Z", "C-1", R"([{"sku": "WID-200", "quantity": 2}])");
    db_.clock().Set(*ParseRfc3339("2026-03-02T08:30:00Z"));
    json held = Place("sales", HeldBody());
    ASSERT_EQ(held["status"], "on_hold");
    db_.clock().Set(start);
  }

  json PlaceAt(const char* at, const std::string& customer, const std::string& lines) {
    db_.clock().Set(*ParseRfc3339(at));
    return Place("sales", OrderBody(customer, lines));
  }

  json Get(const std::string& target, const std::string& user = "manager") {
    auto r = Call(user, "GET", target);
    EXPECT_EQ(r.status, 200) << target << ": " << r.body;
    return r.status == 200 ? r.Json() : json::object();
  }

  // A bucket as [start, end, orders, revenue, prior_start, prior_end, prior_orders,
  // prior_revenue], for compact comparisons.
  static json Row(const json& p) {
    return json::array({p["start"], p["end"], p["orders"], p["revenue"], p["prior_start"],
                        p["prior_end"], p["prior_orders"], p["prior_revenue"]});
  }
};

TEST_F(ReportsApiTest, SalesByDayAgainstTheSameWeekdaysAYearEarlier) {
  json s = Get("/api/v1/reports/sales?from=2026-02-23&to=2026-03-02&interval=day");
  EXPECT_EQ(s["basis"], "ordered");
  EXPECT_EQ(s["currency"], "USD");
  EXPECT_EQ(s["interval"], "day");
  EXPECT_EQ(s["prior_from"], "2025-02-24");
  EXPECT_EQ(s["prior_to"], "2025-03-03");
  ASSERT_EQ(s["points"].size(), 8u);
  EXPECT_EQ(Row(s["points"][0]), json::parse(R"(["2026-02-23", "2026-02-23", 1, "25.00",
                                                 "2025-02-24", "2025-02-24", 0, "0.00"])"));
  EXPECT_EQ(Row(s["points"][3]), json::parse(R"(["2026-02-26", "2026-02-26", 0, "0.00",
                                                 "2025-02-27", "2025-02-27", 0, "0.00"])"));
  // The cancelled order of that day counts nowhere.
  EXPECT_EQ(Row(s["points"][6]), json::parse(R"(["2026-03-01", "2026-03-01", 1, "30.00",
                                                 "2025-03-02", "2025-03-02", 0, "0.00"])"));
  // The order on hold counts: it was ordered.
  EXPECT_EQ(Row(s["points"][7]), json::parse(R"(["2026-03-02", "2026-03-02", 2, "620.00",
                                                 "2025-03-03", "2025-03-03", 1, "40.00"])"));
  EXPECT_EQ(s["totals"], json::parse(R"({"orders": 4, "revenue": "675.00",
                                         "prior_orders": 1, "prior_revenue": "40.00"})"));
}

TEST_F(ReportsApiTest, SalesByWeekStartOnMondayAndCutAtThePeriodsEnds) {
  json s = Get("/api/v1/reports/sales?from=2026-02-25&to=2026-03-02&interval=week");
  ASSERT_EQ(s["points"].size(), 2u);
  // The first week is cut to the period: Wednesday to Sunday.
  EXPECT_EQ(Row(s["points"][0]), json::parse(R"(["2026-02-25", "2026-03-01", 1, "30.00",
                                                 "2025-02-26", "2025-03-02", 0, "0.00"])"));
  EXPECT_EQ(Row(s["points"][1]), json::parse(R"(["2026-03-02", "2026-03-02", 2, "620.00",
                                                 "2025-03-03", "2025-03-03", 1, "40.00"])"));
}

TEST_F(ReportsApiTest, SalesByMonthCompareTheSameDaysOfTheMonth) {
  json s = Get("/api/v1/reports/sales?from=2026-02-01&to=2026-03-02&interval=month");
  EXPECT_EQ(s["prior_from"], "2025-02-01");
  EXPECT_EQ(s["prior_to"], "2025-03-02");
  ASSERT_EQ(s["points"].size(), 2u);
  EXPECT_EQ(Row(s["points"][0]), json::parse(R"(["2026-02-01", "2026-02-28", 1, "25.00",
                                                 "2025-02-01", "2025-02-28", 1, "10.00"])"));
  // 2025-03-03 is not among March's first two days: by month it compares with nothing.
  EXPECT_EQ(Row(s["points"][1]), json::parse(R"(["2026-03-01", "2026-03-02", 3, "650.00",
                                                 "2025-03-01", "2025-03-02", 0, "0.00"])"));
  // The 29th of February compares with the 28th.
  json leap = Get("/api/v1/reports/sales?from=2024-02-01&to=2024-02-29&interval=month");
  EXPECT_EQ(leap["prior_to"], "2023-02-28");
  EXPECT_EQ(leap["points"][0]["prior_end"], "2023-02-28");
}

TEST_F(ReportsApiTest, DefaultsToTheLast30DaysByDay) {
  json s = Get("/api/v1/reports/sales");
  EXPECT_EQ(s["from"], "2026-02-01");
  EXPECT_EQ(s["to"], "2026-03-02");
  EXPECT_EQ(s["interval"], "day");
  EXPECT_EQ(s["points"].size(), 30u);
  EXPECT_EQ(s["totals"]["revenue"], "675.00");
}

TEST_F(ReportsApiTest, TopCustomersAndItemsByOrderedValue) {
  json c = Get("/api/v1/reports/top-customers?from=2026-02-23&to=2026-03-02");
  EXPECT_EQ(c["customers"], json::parse(R"([
      {"rank": 1, "customer": "C-2", "name": "Customer C-2", "orders": 2, "revenue": "630.00"},
      {"rank": 2, "customer": "C-1", "name": "Customer C-1", "orders": 2, "revenue": "45.00"}])"))
      << c.dump();
  json top = Get("/api/v1/reports/top-customers?from=2026-02-23&to=2026-03-02&limit=1");
  ASSERT_EQ(top["customers"].size(), 1u);
  EXPECT_EQ(top["customers"][0]["customer"], "C-2");

  json i = Get("/api/v1/reports/top-items?from=2026-02-23&to=2026-03-02");
  ASSERT_EQ(i["items"].size(), 2u) << i.dump();
  EXPECT_EQ(i["items"][0]["sku"], "WID-100");
  EXPECT_EQ(i["items"][0]["name"], Get("/api/v1/items/WID-100")["name"]);
  EXPECT_EQ(i["items"][0]["orders"], 3);
  EXPECT_EQ(i["items"][0]["quantity"], 32);
  EXPECT_EQ(i["items"][0]["revenue"], "655.00");
  EXPECT_EQ(i["items"][1]["sku"], "WID-200");
  EXPECT_EQ(i["items"][1]["orders"], 1);
  EXPECT_EQ(i["items"][1]["quantity"], 2);
  EXPECT_EQ(i["items"][1]["revenue"], "20.00");
  // A period with nothing ordered lists nothing.
  EXPECT_EQ(Get("/api/v1/reports/top-items?from=2026-02-24&to=2026-02-28")["items"].size(), 0u);
}

TEST_F(ReportsApiTest, OpenOrdersByStatusAndHoldsWaiting) {
  json o = Get("/api/v1/reports/open-orders");
  EXPECT_EQ(o["statuses"], json::parse(R"([{"status": "on_hold", "orders": 1, "value": "600.00"},
                                           {"status": "open", "orders": 5, "value": "125.00"}])"));
  EXPECT_EQ(o["holds"], json::parse(R"([{"kind": "credit", "orders": 1, "value": "600.00"}])"));
  EXPECT_EQ(o["totals"], json::parse(R"({"orders": 6, "value": "725.00"})"));
  // Released, the hold waits no more and the order is open.
  const int64_t held = db_.QueryInt("SELECT id FROM orders WHERE status = 'on_hold'");
  auto r =
      Call("arclerk", "POST", "/api/v1/orders/" + std::to_string(held) + "/holds/credit/release",
           R"({"note": "paid by wire"})");
  ASSERT_EQ(r.status, 200) << r.body;
  json after = Get("/api/v1/reports/open-orders");
  EXPECT_EQ(after["holds"], json::array());
  EXPECT_EQ(after["totals"], json::parse(R"({"orders": 6, "value": "725.00"})"));
}

TEST_F(ReportsApiTest, BadParametersAreEachNamed) {
  auto r =
      Call("manager", "GET", "/api/v1/reports/sales?from=2026-13-01&to=yesterday&interval=year");
  EXPECT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(
      FieldErrors(r),
      (std::set<std::pair<std::string, std::string>>{
          {"from", "invalid_value"}, {"to", "invalid_value"}, {"interval", "invalid_value"}}));
  r = Call("manager", "GET", "/api/v1/reports/sales?from=2026-03-02&to=2026-03-01");
  EXPECT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(r),
            (std::set<std::pair<std::string, std::string>>{{"from", "out_of_range"}}));
  // 731 days is the most a period may span.
  EXPECT_EQ(Call("manager", "GET", "/api/v1/reports/sales?from=2024-03-01&to=2026-03-01").status,
            200);
  r = Call("manager", "GET", "/api/v1/reports/sales?from=2024-02-29&to=2026-03-01");
  EXPECT_EQ(FieldErrors(r),
            (std::set<std::pair<std::string, std::string>>{{"from", "out_of_range"}}));
  for (const char* limit : {"0", "101", "ten", "-1"}) {
    r = Call("manager", "GET", std::string("/api/v1/reports/top-items?limit=") + limit);
    EXPECT_TRUE(IsProblem(r, 400, "invalid_argument")) << limit;
    EXPECT_EQ(FieldErrors(r),
              (std::set<std::pair<std::string, std::string>>{{"limit", "out_of_range"}}))
        << limit;
  }
  r = Call("manager", "GET", "/api/v1/reports/top-customers?customer=C-1");
  EXPECT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("manager", "GET", "/api/v1/reports/open-orders?status=open"), 400,
                        "invalid_argument"));
}

TEST_F(ReportsApiTest, OnlyTheSalesManagerAndAdminMayRead) {
  for (const char* path : {"/api/v1/reports/sales", "/api/v1/reports/top-customers",
                           "/api/v1/reports/top-items", "/api/v1/reports/open-orders"}) {
    EXPECT_EQ(Call("manager", "GET", path).status, 200) << path;
    EXPECT_EQ(Call("admin", "GET", path).status, 200) << path;
    for (const char* user : {"sales", "arclerk", "warehouse", "integration", "portal"}) {
      EXPECT_TRUE(IsProblem(Call(user, "GET", path), 403, "forbidden")) << user << " " << path;
    }
    EXPECT_TRUE(IsProblem(Call("", "GET", path), 401, "unauthenticated")) << path;
  }
}

}  // namespace
}  // namespace ordo::api::testing
