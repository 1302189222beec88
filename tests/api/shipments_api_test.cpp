// Shipments over HTTP: create a pick list, show it, confirm it (in full and short), print its
// packing slip, with permissions, portal scope, bad bodies, If-Match, idempotent retries, and
// that rejected requests change nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"
#include "support/pdf_text.h"

namespace ordo::api::testing {
namespace {

constexpr const char* kUps =
    R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z999",
        "packages": [{"weight": "12.5"}, {"weight": 3}]})";

class ShipmentsApiTest : public OrdersApiTest {
 protected:
  // Places `quantity` of WID-100 for C-1 (allocated in W1) and returns the order.
  nlohmann::json PlaceC1(int quantity = 10) {
    return Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": )" +
                                               std::to_string(quantity) + "}]"));
  }
  // Creates the pick list of `order` in `warehouse` as the warehouse user; fails unless 201.
  nlohmann::json CreateShipment(const nlohmann::json& order, const std::string& warehouse = "W1") {
    auto r = Call("warehouse", "POST", "/api/v1/shipments",
                  R"({"order": ")" + order["number"].get<std::string>() + R"(", "warehouse": ")" +
                      warehouse + R"("})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json() : nlohmann::json::object();
  }
  static std::string Target(const nlohmann::json& shipment, const std::string& suffix = "") {
    return "/api/v1/shipments/" + std::to_string(shipment.at("id").get<int64_t>()) + suffix;
  }
  nlohmann::json Order(const nlohmann::json& order) {
    return Call("sales", "GET", "/api/v1/orders/" + IdOf(order)).Json();
  }
};

TEST_F(ShipmentsApiTest, ListsPickListsByStatusWarehouseAndOrder) {
  auto first = PlaceC1(5);
  auto second = PlaceC1(6);
  auto a = CreateShipment(first);
  auto b = CreateShipment(second);
  ASSERT_EQ(Call("warehouse", "POST", Target(a, "/confirm"), kUps).status, 200);
  auto queue = Call("warehouse", "GET", "/api/v1/shipments?status=picking&warehouse=W1");
  ASSERT_EQ(queue.status, 200) << queue.body;
  ASSERT_EQ(queue.Json()["items"].size(), 1u);
  EXPECT_EQ(queue.Json()["items"][0]["number"], b["number"]);
  EXPECT_EQ(queue.Json()["items"][0]["lines"][0]["quantity"], 6);
  auto all = Call("sales", "GET", "/api/v1/shipments").Json();
  ASSERT_EQ(all["items"].size(), 2u);
  EXPECT_EQ(all["items"][0]["number"], b["number"]);  // newest first
  auto of_order =
      Call("sales", "GET", "/api/v1/shipments?order=" + first["number"].get<std::string>()).Json();
  ASSERT_EQ(of_order["items"].size(), 1u);
  EXPECT_EQ(of_order["items"][0]["status"], "shipped");
  EXPECT_EQ(of_order["items"][0]["invoice"], "IN-000001");
  EXPECT_EQ(of_order["items"][0], Call("sales", "GET", Target(a)).Json());
  auto page = Call("warehouse", "GET", "/api/v1/shipments?limit=1").Json();
  ASSERT_EQ(page["items"].size(), 1u);
  EXPECT_TRUE(page["next_cursor"].is_string());
  EXPECT_EQ(Call("sales", "GET", "/api/v1/shipments?warehouse=W9").Json()["items"].size(), 0u);
  EXPECT_EQ(Call("portal", "GET", "/api/v1/shipments").Json()["items"].size(), 2u);
  EXPECT_EQ(Call("portal2", "GET", "/api/v1/shipments").Json()["items"].size(), 0u);
  EXPECT_TRUE(IsProblem(Call("warehouse", "GET", "/api/v1/shipments?status=lost"), 400,
                        "invalid_argument"));
  EXPECT_TRUE(
      IsProblem(Call("warehouse", "GET", "/api/v1/shipments?colour=red"), 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("", "GET", "/api/v1/shipments"), 401, "unauthenticated"));
}

TEST_F(ShipmentsApiTest, CancelAPickListThenPickAgain) {
  auto order = PlaceC1(10);
  auto s = CreateShipment(order);
  EXPECT_TRUE(IsProblem(Call("sales", "POST", Target(s, "/cancel"), R"({"reason": "x"})"), 403,
                        "forbidden"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", Target(s, "/cancel"), R"({"why": "x"})"), 400,
                        "invalid_argument"));
  auto r = Call("warehouse", "POST", Target(s, "/cancel"), R"({"reason": "damaged on the shelf"})",
                {{"If-Match", "\"1\""}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["status"], "cancelled");
  EXPECT_EQ(r.Json()["cancel_reason"], "damaged on the shelf");
  EXPECT_TRUE(r.Json()["cancelled_at"].is_string());
  EXPECT_EQ(Call("portal", "GET", Target(s)).Json()["status"], "cancelled");
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", Target(s, "/cancel"), R"({"reason": "x"})"), 409,
                        "invalid_state"));
  EXPECT_TRUE(
      IsProblem(Call("warehouse", "POST", Target(s, "/confirm"), kUps), 409, "invalid_state"));
  auto again = CreateShipment(order);
  EXPECT_EQ(again["lines"][0]["quantity"], 10);
  EXPECT_TRUE(Consistent());
}

TEST_F(ShipmentsApiTest, CreateShowAndConfirm) {
  auto order = PlaceC1(10);
  auto r = Call("warehouse", "POST", "/api/v1/shipments",
                R"({"order": )" + IdOf(order) + R"(, "warehouse": "W1"})");
  ASSERT_EQ(r.status, 201) << r.body;
  auto s = r.Json();
  EXPECT_EQ(s["number"], "SH-000001");
  EXPECT_EQ(s["status"], "picking");
  EXPECT_EQ(s["order"], order["number"]);
  EXPECT_EQ(s["warehouse"], "W1");
  EXPECT_EQ(s["version"], 1);
  EXPECT_TRUE(s["carrier"].is_null());
  ASSERT_EQ(s["lines"].size(), 1u);
  EXPECT_EQ(s["lines"][0]["line_no"], 1);
  EXPECT_EQ(s["lines"][0]["sku"], "WID-100");
  EXPECT_EQ(s["lines"][0]["quantity"], 10);
  EXPECT_EQ(r.Header("Location").value_or(""), Target(s));
  EXPECT_EQ(r.Header("ETag").value_or(""), "\"1\"");

  for (const char* user : {"warehouse", "sales", "manager", "arclerk", "integration", "portal"}) {
    auto by_id = Call(user, "GET", Target(s));
    EXPECT_EQ(by_id.status, 200) << user << " " << by_id.body;
  }
  auto by_number = Call("sales", "GET", "/api/v1/shipments/SH-000001");
  ASSERT_EQ(by_number.status, 200);
  EXPECT_EQ(by_number.Json(), s);

  auto confirmed = Call("warehouse", "POST", Target(s, "/confirm"), kUps);
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  auto shipped = confirmed.Json();
  EXPECT_EQ(shipped["status"], "shipped");
  EXPECT_EQ(shipped["invoice"], "IN-000001");
  EXPECT_EQ(shipped["carrier"], "UPS");
  EXPECT_EQ(shipped["service"], "Ground");
  EXPECT_EQ(shipped["tracking_number"], "1Z999");
  EXPECT_EQ(shipped["packages"], nlohmann::json::parse(R"([{"weight": "12.5"}, {"weight": "3"}])"));
  EXPECT_EQ(shipped["lines"][0]["quantity_shipped"], 10);
  EXPECT_TRUE(shipped["shipped_at"].is_string());
  EXPECT_EQ(confirmed.Header("ETag").value_or(""), "\"2\"");
  // The portal sees the same shipment without the staff-only cancel_reason (issue 12).
  auto for_portal = shipped;
  for_portal.erase("cancel_reason");
  EXPECT_EQ(Call("portal", "GET", Target(s)).Json(), for_portal);

  auto after = Order(order);
  EXPECT_EQ(after["status"], "invoiced");
  EXPECT_EQ(after["version"], order["version"].get<int64_t>() + 1);
  EXPECT_EQ(after["lines"][0]["quantity_shipped"], 10);
  EXPECT_EQ(after["lines"][0]["quantity_allocated"], 0);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 90);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  auto moves = Call("warehouse", "GET", "/api/v1/inventory/movements?sku=WID-100&warehouse=W1");
  ASSERT_EQ(moves.status, 200) << moves.body;
  bool saw_ship = false;
  nlohmann::json movements = moves.Json();
  for (const auto& m : movements["items"]) {
    if (m["kind"] == "ship") {
      saw_ship = true;
      EXPECT_EQ(m["quantity"], -10);
      EXPECT_EQ(m["reference"], "SH-000001");
    }
  }
  EXPECT_TRUE(saw_ship) << moves.body;
  EXPECT_TRUE(Consistent());
}

TEST_F(ShipmentsApiTest, ShortConfirmationBackordersTheRest) {
  auto order = PlaceC1(10);
  auto s = CreateShipment(order);
  auto r =
      Call("warehouse", "POST", "/api/v1/shipments/" + s["number"].get<std::string>() + "/confirm",
           R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z",
                    "packages": [{"weight": 1}], "lines": [{"line_no": 1, "quantity": 4}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["lines"][0]["quantity_shipped"], 4);
  auto after = Order(order);
  EXPECT_EQ(after["status"], "partially_shipped");
  EXPECT_EQ(after["lines"][0]["quantity_shipped"], 4);
  EXPECT_EQ(after["lines"][0]["quantity_backordered"], 6);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 96);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_TRUE(Consistent());
}

TEST_F(ShipmentsApiTest, OnlyTheWarehouseWrites) {
  auto order = PlaceC1(10);
  std::string body =
      R"({"order": ")" + order["number"].get<std::string>() + R"(", "warehouse": "W1"})";
  auto before = db_.Snapshot();
  for (const char* user : {"sales", "manager", "arclerk", "integration", "portal"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", "/api/v1/shipments", body), 403, "forbidden")) << user;
  }
  EXPECT_TRUE(IsProblem(Call("", "POST", "/api/v1/shipments", body), 401, "unauthenticated"));
  EXPECT_EQ(db_.Snapshot(), before);
  auto s = CreateShipment(order);
  before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(Call("sales", "POST", Target(s, "/confirm"), kUps), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("", "GET", Target(s)), 401, "unauthenticated"));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(Call("admin", "POST", Target(s, "/confirm"), kUps).status, 200);
}

TEST_F(ShipmentsApiTest, PortalUsersSeeOnlyTheirOwnShipments) {
  auto s = CreateShipment(PlaceC1(5));
  auto other = Call("portal2", "GET", Target(s));
  EXPECT_TRUE(IsProblem(other, 404, "not_found"));
  auto missing = Call("portal2", "GET", "/api/v1/shipments/999");
  EXPECT_TRUE(IsProblem(missing, 404, "not_found"));
  EXPECT_EQ(other.Json()["title"], missing.Json()["title"]);
  EXPECT_TRUE(IsProblem(Call("portal2", "GET", "/api/v1/shipments/SH-000001"), 404, "not_found"));
  EXPECT_EQ(Call("portal", "GET", "/api/v1/shipments/SH-000001").status, 200);
}

TEST_F(ShipmentsApiTest, BadBodiesReportEveryFieldAndChangeNothing) {
  auto order = PlaceC1(10);
  auto before = db_.Snapshot();
  auto r =
      Call("warehouse", "POST", "/api/v1/shipments", R"({"order": 1.5, "warehouse": 3, "x": 1})");
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(r),
            (std::set<std::pair<std::string, std::string>>{
                {"order", "invalid_type"}, {"warehouse", "invalid_type"}, {"x", "unknown_field"}}));
  EXPECT_TRUE(
      IsProblem(Call("warehouse", "POST", "/api/v1/shipments", "{}"), 400, "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", "/api/v1/shipments", "not json"), 400,
                        "invalid_argument"));
  EXPECT_EQ(db_.Snapshot(), before);

  auto s = CreateShipment(order);
  before = db_.Snapshot();
  auto bad = Call("warehouse", "POST", Target(s, "/confirm"),
                  R"({"carrier": "", "packages": [{"weight": "-1"}],
                      "lines": [{"line_no": "1", "quantity": 2}], "colour": "red"})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(bad),
            (std::set<std::pair<std::string, std::string>>{{"carrier", "required"},
                                                           {"service", "required"},
                                                           {"tracking_number", "required"},
                                                           {"packages/0/weight", "out_of_range"},
                                                           {"lines/0/line_no", "invalid_type"},
                                                           {"colour", "unknown_field"}}));
  auto too_many = Call("warehouse", "POST", Target(s, "/confirm"),
                       R"({"carrier": "UPS", "service": "G", "tracking_number": "1",
                           "packages": [{"weight": 1}], "lines": [{"line_no": 1, "quantity": 11}]})");
  ASSERT_TRUE(IsProblem(too_many, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(too_many),
            (std::set<std::pair<std::string, std::string>>{{"lines/0/quantity", "out_of_range"}}));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_TRUE(Consistent());
}

TEST_F(ShipmentsApiTest, UnknownOrderOrWarehouseIsNotFound) {
  auto order = PlaceC1(10);
  auto before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", "/api/v1/shipments",
                             R"({"order": "SO-999999", "warehouse": "W1"})"),
                        404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", "/api/v1/shipments",
                             R"({"order": )" + IdOf(order) + R"(, "warehouse": "W9"})"),
                        404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", "/api/v1/shipments/SH-000009/confirm", kUps), 404,
                        "not_found"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ShipmentsApiTest, InvalidStatesAnswer409AndChangeNothing) {
  auto order = PlaceC1(10);
  auto s = CreateShipment(order);
  auto before = db_.Snapshot();
  // Everything allocated in W1 is on the open pick list; nothing is allocated in W2.
  for (const char* warehouse : {"W1", "W2"}) {
    EXPECT_TRUE(
        IsProblem(Call("warehouse", "POST", "/api/v1/shipments",
                       R"({"order": )" + IdOf(order) + R"(, "warehouse": ")" + warehouse + R"("})"),
                  409, "invalid_state"))
        << warehouse;
  }
  EXPECT_EQ(db_.Snapshot(), before);
  ASSERT_EQ(Call("warehouse", "POST", Target(s, "/confirm"), kUps).status, 200);
  before = db_.Snapshot();
  EXPECT_TRUE(
      IsProblem(Call("warehouse", "POST", Target(s, "/confirm"), kUps), 409, "invalid_state"));
  EXPECT_EQ(db_.Snapshot(), before);

  // Ship complete only, and 200 of WID-100 cannot all be allocated (W1 90 + W2 50 left).
  auto complete = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 200}])",
                                           R"(, "allow_partial_shipment": false)"));
  ASSERT_EQ(complete["status"], "backordered");
  before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", "/api/v1/shipments",
                             R"({"order": )" + IdOf(complete) + R"(, "warehouse": "W2"})"),
                        409, "invalid_state"));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_TRUE(Consistent());
}

TEST_F(ShipmentsApiTest, IfMatchGuardsTheConfirmation) {
  auto s = CreateShipment(PlaceC1(10));
  auto before = db_.Snapshot();
  EXPECT_TRUE(
      IsProblem(Call("warehouse", "POST", Target(s, "/confirm"), kUps, {{"If-Match", "\"7\""}}),
                412, "precondition_failed"));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(Call("warehouse", "POST", Target(s, "/confirm"), kUps, {{"If-Match", "\"1\""}}).status,
            200);
}

TEST_F(ShipmentsApiTest, RetriesWithAnIdempotencyKeyReplayTheFirstAnswer) {
  auto order = PlaceC1(10);
  std::string body =
      R"({"order": ")" + order["number"].get<std::string>() + R"(", "warehouse": "W1"})";
  HeaderList key = {{"Idempotency-Key", "pick-1"}};
  auto first = Call("warehouse", "POST", "/api/v1/shipments", body, key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Call("warehouse", "POST", "/api/v1/shipments", body, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(db_.Count("shipments"), 1);
  EXPECT_TRUE(IsProblem(Call("warehouse", "POST", "/api/v1/shipments",
                             R"({"order": )" + IdOf(order) + R"(, "warehouse": "W2"})", key),
                        409, "idempotency_key_reused"));

  HeaderList confirm_key = {{"Idempotency-Key", "ship-1"}};
  auto s = first.Json();
  auto shipped = Call("warehouse", "POST", Target(s, "/confirm"), kUps, confirm_key);
  ASSERT_EQ(shipped.status, 200) << shipped.body;
  auto before = db_.Snapshot();
  auto replay = Call("warehouse", "POST", Target(s, "/confirm"), kUps, confirm_key);
  EXPECT_EQ(replay.status, 200);
  EXPECT_EQ(replay.body, shipped.body);
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(db_.Stock("WID-100", "W1").on_hand, 90);
  EXPECT_TRUE(Consistent());
}

TEST_F(ShipmentsApiTest, PackingSlipIsAPdfOfTheShipment) {
  auto order = PlaceC1(10);
  auto s = CreateShipment(order);
  auto picking = Call("warehouse", "GET", Target(s, "/packing-slip.pdf"));
  ASSERT_EQ(picking.status, 200) << picking.body;
  EXPECT_EQ(picking.Header("Content-Type").value_or(""), "application/pdf");
  EXPECT_EQ(picking.Header("Content-Disposition").value_or(""),
            "inline; filename=\"SH-000001.pdf\"");
  ASSERT_TRUE(picking.body.starts_with("%PDF-"));
  std::string text = test_support::ExtractPdfText(picking.body);
  EXPECT_THAT(text, ::testing::HasSubstr("\nSH-000001\n"));
  EXPECT_THAT(text, ::testing::HasSubstr("\nShip date | not shipped\n"));
  EXPECT_THAT(text, ::testing::HasSubstr("| WID-100 |"));

  ASSERT_EQ(Call("warehouse", "POST", Target(s, "/confirm"), kUps).status, 200);
  auto before = db_.Snapshot();
  // By number, as the portal user of the order's customer.
  auto shipped = Call("portal", "GET", "/api/v1/shipments/SH-000001/packing-slip.pdf");
  ASSERT_EQ(shipped.status, 200) << shipped.body;
  EXPECT_EQ(shipped.Header("Content-Type").value_or(""), "application/pdf");
  text = test_support::ExtractPdfText(shipped.body);
  EXPECT_THAT(text, ::testing::HasSubstr("\nSH-000001\n"));
  EXPECT_THAT(text, ::testing::HasSubstr("\nOrder | " + order["number"].get<std::string>() + "\n"));
  EXPECT_THAT(text, ::testing::HasSubstr("| WID-100 |"));
  EXPECT_THAT(text, ::testing::HasSubstr("\nTracking | 1Z999\n"));
  EXPECT_THAT(text, ::testing::HasSubstr("\nTotal weight | 15.5\n"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(ShipmentsApiTest, PackingSlipFollowsPortalScopeAndNeedsCredentials) {
  auto s = CreateShipment(PlaceC1(5));
  auto other = Call("portal2", "GET", Target(s, "/packing-slip.pdf"));
  EXPECT_TRUE(IsProblem(other, 404, "not_found"));
  auto missing = Call("portal2", "GET", "/api/v1/shipments/999/packing-slip.pdf");
  EXPECT_TRUE(IsProblem(missing, 404, "not_found"));
  EXPECT_EQ(other.Json()["title"], missing.Json()["title"]);
  EXPECT_TRUE(IsProblem(Call("portal2", "GET", "/api/v1/shipments/SH-000001/packing-slip.pdf"), 404,
                        "not_found"));
  EXPECT_TRUE(IsProblem(Call("", "GET", Target(s, "/packing-slip.pdf")), 401, "unauthenticated"));
  for (const char* user : {"warehouse", "sales", "manager", "arclerk", "integration", "portal"}) {
    EXPECT_EQ(Call(user, "GET", Target(s, "/packing-slip.pdf")).status, 200) << user;
  }
}

}  // namespace
}  // namespace ordo::api::testing
