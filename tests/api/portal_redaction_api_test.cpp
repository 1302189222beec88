// Portal answers carry no staff-only text (issue 12): the portal user sees its orders, their
// timeline, returns, shipments and stock availability without who entered them, why a price
// was set by hand, why an order or a pick list was cancelled, the note of a hold release, or
// the on hand and allocated quantities behind "available". Staff see all of it.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class PortalRedactionTest : public OrdersApiTest {
 protected:
  json Get(const std::string& user, const std::string& target) {
    auto r = Call(user, "GET", target);
    EXPECT_EQ(r.status, 200) << user << " GET " << target << ": " << r.body;
    body_ = r.body;
    return r.status == 200 ? r.Json() : json::object();
  }

  // The last answer of Get() holds none of the staff's words.
  ::testing::AssertionResult ShowsNoStaffText() const {
    for (const char* text : {"user:sales", "user:manager", "user:warehouse", "rush job",
                             "customer is difficult", "approved by phone", "bin was empty"}) {
      if (body_.find(text) != std::string::npos) {
        return ::testing::AssertionFailure() << "\"" << text << "\" in " << body_;
      }
    }
    return ::testing::AssertionSuccess();
  }

  std::string body_;
};

TEST_F(PortalRedactionTest, AnOrderShowsNoOverrideReasonAuthorOrCancellationReason) {
  json order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 2,
      "unit_price": "2.00", "override_reason": "rush job"}])"));
  std::string target = "/api/v1/orders/" + IdOf(order);
  json staff = Get("sales", target);
  EXPECT_EQ(staff["created_by"], "user:sales");
  EXPECT_EQ(staff["lines"][0]["override_reason"], "rush job");

  json portal = Get("portal", target);
  EXPECT_TRUE(ShowsNoStaffText());
  EXPECT_FALSE(portal.contains("created_by"));
  EXPECT_FALSE(portal["lines"][0].contains("override_reason"));
  EXPECT_EQ(portal["lines"][0]["unit_price"], "2.0000");  // the price itself is its own business
  EXPECT_EQ(portal["number"], staff["number"]);

  auto cancelled =
      Call("sales", "POST", target + "/cancel", R"({"reason": "customer is difficult"})");
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(Get("sales", target)["cancel_reason"], "customer is difficult");
  json after = Get("portal", target);
  EXPECT_TRUE(ShowsNoStaffText());
  EXPECT_EQ(after["status"], "cancelled");
  EXPECT_FALSE(after.contains("cancel_reason"));

  // The portal's own list of orders has none either.
  Get("portal", "/api/v1/orders");
  EXPECT_TRUE(ShowsNoStaffText());
}

TEST_F(PortalRedactionTest, TheTimelineShowsNoHoldReleaseNoteNorCancellationReason) {
  // Over C-1's 10000.00 limit: a credit hold, released by the manager with a note.
  json held = Place("sales", OrderBody("C-1", R"([{"sku": "WID-200", "quantity": 1,
      "unit_price": "20000.00", "override_reason": "rush job"}])"));
  ASSERT_EQ(held["status"], "on_hold");
  std::string target = "/api/v1/orders/" + IdOf(held);
  auto released =
      Call("manager", "POST", target + "/holds/credit/release", R"({"note": "approved by phone"})");
  ASSERT_EQ(released.status, 200) << released.body;
  ASSERT_EQ(
      Call("sales", "POST", target + "/cancel", R"({"reason": "customer is difficult"})").status,
      200);

  json staff = Get("manager", target + "/events");
  std::map<std::string, json> by_type;
  for (const auto& e : staff["items"]) by_type[e["type"]] = e["payload"];
  EXPECT_EQ(by_type["order.hold_released"]["note"], "approved by phone");
  EXPECT_EQ(by_type["order.cancelled"]["reason"], "customer is difficult");

  json portal = Get("portal", target + "/events");
  EXPECT_TRUE(ShowsNoStaffText());
  ASSERT_EQ(portal["items"].size(), staff["items"].size());  // every event, without the text
  for (const auto& e : portal["items"]) {
    if (e["type"] == "order.hold_released") {
      EXPECT_FALSE(e["payload"].contains("note"));
      EXPECT_EQ(e["payload"]["kind"], "credit");
    }
    if (e["type"] == "order.cancelled") {
      EXPECT_FALSE(e["payload"].contains("reason"));
      EXPECT_EQ(e["payload"]["number"], held["number"]);
    }
  }
}

TEST_F(PortalRedactionTest, ThePortalsOwnOrderAndReturnAnswersNameNoUser) {
  auto placed = Call("portal", "POST", "/api/v1/orders",
                     OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"),
                     {{"Idempotency-Key", "portal-order-1"}});
  ASSERT_EQ(placed.status, 201) << placed.body;
  EXPECT_FALSE(placed.Json().contains("created_by")) << placed.body;
  EXPECT_EQ(placed.Json()["channel"], "portal");
  auto replayed = Call("portal", "POST", "/api/v1/orders",
                       OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"),
                       {{"Idempotency-Key", "portal-order-1"}});
  ASSERT_EQ(replayed.status, 201) << replayed.body;
  EXPECT_EQ(replayed.body, placed.body);

  std::string number = placed.Json()["number"];
  auto pick = Call("warehouse", "POST", "/api/v1/shipments",
                   R"({"order": ")" + number + R"(", "warehouse": "W1"})");
  ASSERT_EQ(pick.status, 201) << pick.body;
  ASSERT_EQ(Call("warehouse", "POST",
                 "/api/v1/shipments/" + pick.Json()["number"].get<std::string>() + "/confirm",
                 R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z",
                     "packages": [{"weight": "1"}]})")
                .status,
            200);
  auto rma = Call("portal", "POST", "/api/v1/returns",
                  R"({"order": ")" + number +
                      R"(", "lines": [{"line_no": 1, "quantity": 1, "reason": "damaged"}]})");
  ASSERT_EQ(rma.status, 201) << rma.body;
  EXPECT_FALSE(rma.Json().contains("created_by")) << rma.body;
  std::string ra = rma.Json()["number"];
  auto staff_rma = Call("sales", "POST", "/api/v1/returns",
                        R"({"order": ")" + number +
                            R"(", "lines": [{"line_no": 1, "quantity": 1, "reason": "other"}]})");
  ASSERT_EQ(staff_rma.status, 201) << staff_rma.body;
  EXPECT_EQ(staff_rma.Json()["created_by"], "user:sales");
  std::string staff_ra = staff_rma.Json()["number"];

  EXPECT_FALSE(Get("portal", "/api/v1/returns/" + staff_ra).contains("created_by"));
  EXPECT_TRUE(ShowsNoStaffText());
  json list = Get("portal", "/api/v1/returns");
  EXPECT_TRUE(ShowsNoStaffText());
  ASSERT_EQ(list["items"].size(), 2u);
  for (const auto& r : list["items"]) EXPECT_FALSE(r.contains("created_by")) << r.dump();
  EXPECT_EQ(Get("sales", "/api/v1/returns/" + ra)["created_by"], "user:portal");
}

TEST_F(PortalRedactionTest, ACancelledPickListShowsNoReason) {
  json order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 3}])"));
  auto pick =
      Call("warehouse", "POST", "/api/v1/shipments",
           R"({"order": ")" + order["number"].get<std::string>() + R"(", "warehouse": "W1"})");
  ASSERT_EQ(pick.status, 201) << pick.body;
  std::string target = "/api/v1/shipments/" + pick.Json()["number"].get<std::string>();
  ASSERT_EQ(Call("warehouse", "POST", target + "/cancel", R"({"reason": "bin was empty"})").status,
            200);
  EXPECT_EQ(Get("warehouse", target)["cancel_reason"], "bin was empty");
  json portal = Get("portal", target);
  EXPECT_TRUE(ShowsNoStaffText());
  EXPECT_EQ(portal["status"], "cancelled");
  EXPECT_FALSE(portal.contains("cancel_reason"));
  Get("portal", "/api/v1/shipments");
  EXPECT_TRUE(ShowsNoStaffText());
}

TEST_F(PortalRedactionTest, AvailabilityShowsThePortalOnlyWhatIsAvailable) {
  Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 30}])"));
  json staff = Get("sales", "/api/v1/items/WID-100/availability");
  EXPECT_EQ(staff["warehouses"][0]["on_hand"], 100);
  EXPECT_EQ(staff["warehouses"][0]["allocated"], 30);

  json portal = Get("portal", "/api/v1/items/WID-100/availability");
  EXPECT_EQ(portal["total_available"], staff["total_available"]);
  ASSERT_EQ(portal["warehouses"].size(), staff["warehouses"].size());
  for (size_t i = 0; i < portal["warehouses"].size(); ++i) {
    const json& w = portal["warehouses"][i];
    EXPECT_FALSE(w.contains("on_hand")) << w.dump();
    EXPECT_FALSE(w.contains("allocated")) << w.dump();
    EXPECT_EQ(w["available"], staff["warehouses"][i]["available"]);
    EXPECT_EQ(w["warehouse"], staff["warehouses"][i]["warehouse"]);
  }
  EXPECT_FALSE(Get("portal", "/api/v1/items/WID-100").contains("cost"));
  EXPECT_TRUE(Get("sales", "/api/v1/items/WID-100").contains("cost"));
}

}  // namespace
}  // namespace ordo::api::testing
