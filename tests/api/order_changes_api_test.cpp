// Changing an order over real HTTP (PATCH /api/v1/orders/{ref}, issue 14): each kind of change,
// what picking and shipping forbid, If-Match, bad bodies changing nothing, re-pricing by
// quantity break, re-tax on a new ship-to, approval holds, stock freed for backorders, the
// customer's open order value (the invariant checker recomputes it after every test), the audit's
// before and after, and segregation of duties for who changed an order.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"
#include "auth/auth_fixture.h"
#include "auth/tokens.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class OrderChangesApiTest : public OrdersApiTest {
 protected:
  // PATCHes the order as `user` with If-Match `version`.
  ClientResponse Change(const std::string& user, const json& order, const std::string& body,
                        int64_t version) {
    return Call(user, "PATCH", "/api/v1/orders/" + IdOf(order), body,
                {{"If-Match", "\"" + std::to_string(version) + "\""}});
  }
  // The same, failing the test unless it answers 200; the changed order.
  json Changed(const std::string& user, const json& order, const std::string& body) {
    auto r = Change(user, order, body, order.at("version").get<int64_t>());
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? r.Json() : json::object();
  }
  json Read(const json& order) {
    return Call("sales", "GET", "/api/v1/orders/" + IdOf(order)).Json();
  }
  // A pick list of the order in W1.
  json Pick(const json& order) {
    auto r =
        Call("warehouse", "POST", "/api/v1/shipments",
             R"({"order": ")" + order["number"].get<std::string>() + R"(", "warehouse": "W1"})");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  }
  // A user with `role` and a token, for a second person of the same role.
  void AddUserWithToken(const std::string& name, const std::string& role) {
    auth::Principal p = test_support::AddUser(db_, name, name + "-pass-phrase-1", {role});
    auto token = db_.executor().RunFor<auth::IssuedToken>(
        [&](store::Connection& conn) { return auth::StoreToken(conn, p, db_.clock().Now()); });
    ASSERT_TRUE(token.ok());
    tokens_[name] = token->token;
  }
};

TEST_F(OrderChangesApiTest, AQuantityChangeIsPricedAllocatedAndAuditedBeforeAndAfter) {
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10},
                                                     {"sku": "WID-200", "quantity": 5}])"));
  ASSERT_EQ(order["subtotal"], "75.00");
  auto r = Change("sales", order, R"({"lines": [{"line_no": 1, "quantity": 3, "uom": "CS"}]})", 1);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("ETag").value_or(""), "\"2\"");
  json changed = r.Json();
  EXPECT_EQ(changed["version"], 2);
  EXPECT_EQ(changed["status"], "open");
  EXPECT_EQ(changed["lines"][0]["quantity"], 36);
  EXPECT_EQ(changed["lines"][0]["entered_quantity"], 3);
  EXPECT_EQ(changed["lines"][0]["uom"], "CS");
  EXPECT_EQ(changed["lines"][0]["quantity_allocated"], 36);
  EXPECT_EQ(changed["lines"][0]["extended_amount"], "90.00");
  EXPECT_EQ(changed["lines"][1], order["lines"][1]);  // unchanged lines stay as they were
  EXPECT_EQ(changed["subtotal"], "140.00");
  EXPECT_EQ(changed["total"], "140.00");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 36);
  EXPECT_EQ(Read(order), changed);

  auto audit = Call("manager", "GET", "/api/v1/audit?entity=order&entity_id=" + IdOf(order));
  ASSERT_EQ(audit.status, 200) << audit.body;
  json entries = audit.Json()["items"];
  ASSERT_EQ(entries.size(), 2u) << entries;
  EXPECT_EQ(entries[1]["action"], "order.change");
  EXPECT_EQ(entries[1]["actor"], "user:sales");
  EXPECT_EQ(entries[1]["before"]["lines"][0]["quantity"], 10);
  EXPECT_EQ(entries[1]["before"]["subtotal"], "75.00");
  EXPECT_EQ(entries[1]["after"]["lines"][0]["quantity"], 36);
  EXPECT_EQ(entries[1]["after"]["version"], 2);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM outbox_events WHERE type = 'order.changed'"), 1);

  // Removing unshipped quantity: down to 4, and the stock goes back.
  json lowered = Changed("sales", changed, R"({"lines": [{"line_no": 1, "quantity": "4"}]})");
  EXPECT_EQ(lowered["lines"][0]["quantity"], 4);
  EXPECT_EQ(lowered["lines"][0]["uom"], "EA");
  EXPECT_EQ(lowered["lines"][0]["quantity_allocated"], 4);
  EXPECT_EQ(lowered["subtotal"], "60.00");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 4);
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderChangesApiTest, LinesAreAddedPricedByHandDatedAndRemoved) {
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10},
                                                     {"sku": "WID-200", "quantity": 5}])"));
  json changed = Changed("sales", order, R"({"lines": [
      {"line_no": 1, "unit_price": "2.00", "override_reason": "matches a competitor"},
      {"line_no": 2, "requested_date": "2027-01-15"},
      {"sku": "WID-200", "quantity": 2, "requested_date": "2027-02-01"},
      {"sku": "WID-100", "quantity": 1, "uom": "CS"}]})");
  ASSERT_EQ(changed["lines"].size(), 4u);
  EXPECT_EQ(changed["lines"][0]["unit_price"], "2.0000");
  EXPECT_EQ(changed["lines"][0]["price_source"], "manual");
  EXPECT_EQ(changed["lines"][0]["override_reason"], "matches a competitor");
  EXPECT_EQ(changed["lines"][0]["quantity"], 10);
  EXPECT_EQ(changed["lines"][1]["requested_date"], "2027-01-15");
  EXPECT_EQ(changed["lines"][1]["extended_amount"], "50.00");
  EXPECT_EQ(changed["lines"][2]["line_no"], 3);
  EXPECT_EQ(changed["lines"][2]["requested_date"], "2027-02-01");
  EXPECT_EQ(changed["lines"][2]["quantity_allocated"], 2);
  EXPECT_EQ(changed["lines"][3]["quantity"], 12);
  EXPECT_EQ(changed["lines"][3]["quantity_allocated"], 12);
  EXPECT_EQ(changed["subtotal"], "120.00");  // 20.00 + 50.00 + 20.00 + 30.00
  EXPECT_EQ(db_.Stock("WID-200", "W1").allocated, 7);

  // "0" removes a line's unshipped rest: nothing of line 3 shipped, so it is cancelled and its
  // stock goes back.
  json removed = Changed("sales", changed, R"({"lines": [{"line_no": 3, "quantity": 0}]})");
  EXPECT_EQ(removed["lines"][2]["quantity_cancelled"], 2);
  EXPECT_EQ(removed["lines"][2]["quantity_allocated"], 0);
  EXPECT_EQ(db_.Stock("WID-200", "W1").allocated, 5);
  auto again = Change("sales", removed, R"({"lines": [{"line_no": 3, "quantity": 1}]})", 3);
  ASSERT_TRUE(IsProblem(again, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(again),
            (std::set<std::pair<std::string, std::string>>{{"lines/0/line_no", "line_cancelled"}}));
  EXPECT_TRUE(Consistent());
}

// "unit_price": null takes a line's manual price back to what the pricing rules give it, the
// reason with it; the order is re-checked as for any price set.
TEST_F(OrderChangesApiTest, AManualPriceGivesWayToTheRulesPrice) {
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10,
      "unit_price": "1.50", "override_reason": "matches a competitor"}])"));
  ASSERT_EQ(order["lines"][0]["price_source"], "manual");
  json changed = Changed("sales", order, R"({"lines": [{"line_no": 1, "unit_price": null}]})");
  EXPECT_EQ(changed["lines"][0]["unit_price"], "2.5000");  // WID-100's list price
  EXPECT_EQ(changed["lines"][0]["price_source"], "list");
  EXPECT_FALSE(changed["lines"][0].contains("override_reason")) << changed["lines"][0];
  EXPECT_EQ(changed["subtotal"], "25.00");
  EXPECT_EQ(Read(changed)["lines"][0]["price_source"], "list");

  // Absent is no change; a line with nothing else to change and no price is refused.
  auto nothing = Change("sales", changed, R"({"lines": [{"line_no": 1}]})",
                        changed.at("version").get<int64_t>());
  EXPECT_TRUE(IsProblem(nothing, 400, "invalid_argument")) << nothing.body;
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderChangesApiTest, IfMatchIsRequiredAndAStaleOneChangesNothing) {
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"));
  const std::string target = "/api/v1/orders/" + IdOf(order);
  const std::string body = R"({"lines": [{"line_no": 1, "quantity": 20}]})";
  auto before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(Call("sales", "PATCH", target, body), 428, "precondition_required"));
  EXPECT_TRUE(IsProblem(Change("sales", order, body, 7), 412, "precondition_failed"));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(Read(order), order);
  // By number too, and once changed the old version is stale.
  auto r = Call("sales", "PATCH", "/api/v1/orders/" + order["number"].get<std::string>(), body,
                {{"If-Match", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(IsProblem(Change("sales", order, body, 1), 412, "precondition_failed"));
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderChangesApiTest, EveryBadFieldIsReportedAtItsPathAndNothingChanges) {
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10},
                                                     {"sku": "WID-200", "quantity": 5}])"));
  auto before = db_.Snapshot();
  auto r = Change("sales", order, R"({"ship_to": "NOWHERE", "lines": [
      {"line_no": 9, "quantity": 1},
      {"line_no": 1, "quantity": "1.5"},
      {"sku": "NOPE", "quantity": 1},
      {"line_no": 2, "requested_date": "2027-13-01"},
      {"sku": "WID-100"},
      {"line_no": 1, "unit_price": "1.00"},
      {"sku": "WID-200", "quantity": 1, "colour": "red"}]})",
                  1);
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(r),
            (std::set<std::pair<std::string, std::string>>{{"lines/6/colour", "unknown_field"}}));
  r = Change("sales", order, R"({"ship_to": "NOWHERE", "lines": [
      {"line_no": 9, "quantity": 1},
      {"line_no": 1, "quantity": "1.5"},
      {"sku": "NOPE", "quantity": 1},
      {"line_no": 2, "requested_date": "2027-13-01"},
      {"sku": "WID-100"},
      {"line_no": 2, "unit_price": "1.00"},
      {"line_no": 1, "sku": "WID-200", "quantity": 3},
      {"line_no": 2, "uom": "CS"}]})",
             1);
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(r), (std::set<std::pair<std::string, std::string>>{
                                {"ship_to", "unknown_ship_to"},
                                {"lines/0/line_no", "unknown_line"},
                                {"lines/1/quantity", "not_whole_units"},
                                {"lines/2/sku", "unknown_sku"},
                                {"lines/3/requested_date", "invalid_date"},
                                {"lines/4/quantity", "required"},
                                {"lines/5/line_no", "duplicate_line"},
                                {"lines/6/line_no", "duplicate_line"},
                                {"lines/7/line_no", "duplicate_line"}}))
      << r.body;
  auto nothing = Change("sales", order, "{}", 1);
  ASSERT_TRUE(IsProblem(nothing, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(nothing),
            (std::set<std::pair<std::string, std::string>>{{"lines", "required"}}));
  auto reason = Change("sales", order, R"({"lines": [{"line_no": 2, "unit_price": "1.00"}]})", 1);
  EXPECT_EQ(
      FieldErrors(reason),
      (std::set<std::pair<std::string, std::string>>{{"lines/0/override_reason", "required"}}));
  auto item = Change("sales", order, R"({"lines": [{"line_no": 2, "sku": "WID-100"}]})", 1);
  EXPECT_EQ(FieldErrors(item),
            (std::set<std::pair<std::string, std::string>>{{"lines/0/sku", "not_changeable"}}));
  auto malformed = Change("sales", order, R"({"lines": [)", 1);
  EXPECT_TRUE(IsProblem(malformed, 400, "invalid_argument"));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(Read(order), order);
}

TEST_F(OrderChangesApiTest, NothingPickedOrShippedLeavesTheOrder) {
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"));
  json pick = Pick(order);
  order = Read(order);
  auto before = db_.Snapshot();
  for (const char* quantity : {"5", "0", "9"}) {
    auto r = Change("sales", order,
                    R"({"lines": [{"line_no": 1, "quantity": )" + std::string(quantity) + "}]}", 1);
    ASSERT_TRUE(IsProblem(r, 400, "invalid_argument")) << quantity;
    EXPECT_EQ(FieldErrors(r),
              (std::set<std::pair<std::string, std::string>>{{"lines/0/quantity", "below_picked"}}))
        << quantity;
  }
  EXPECT_EQ(db_.Snapshot(), before);

  // More may be ordered: the pick list keeps its 10, the 5 more are allocated beside them.
  json raised = Changed("sales", order, R"({"lines": [{"line_no": 1, "quantity": 15}]})");
  EXPECT_EQ(raised["lines"][0]["quantity_allocated"], 15);
  auto confirm = Call("warehouse", "POST",
                      "/api/v1/shipments/" + std::to_string(pick["id"].get<int64_t>()) + "/confirm",
                      R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z",
                          "packages": [{"weight": 2}]})");
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  raised = Read(order);
  // 10 shipped: the rest may go, down to the shipped 10, and the line's price stays.
  auto price =
      Change("sales", raised,
             R"({"lines": [{"line_no": 1, "unit_price": "1.00", "override_reason": "x"}]})",
             raised["version"].get<int64_t>());
  EXPECT_EQ(FieldErrors(price),
            (std::set<std::pair<std::string, std::string>>{{"lines/0/unit_price", "price_fixed"}}));
  json done = Changed("sales", raised, R"({"lines": [{"line_no": 1, "quantity": 0}]})");
  EXPECT_EQ(done["lines"][0]["quantity"], 10);
  EXPECT_EQ(done["lines"][0]["quantity_shipped"], 10);
  EXPECT_EQ(done["lines"][0]["quantity_allocated"], 0);
  EXPECT_EQ(done["status"], "invoiced");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  // A fully shipped order changes no more.
  EXPECT_TRUE(IsProblem(Change("sales", done, R"({"lines": [{"line_no": 1, "quantity": 12}]})",
                               done["version"].get<int64_t>()),
                        409, "invalid_state"));
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderChangesApiTest, ACancelledOrderDoesNotChange) {
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"));
  ASSERT_EQ(Call("sales", "POST", "/api/v1/orders/" + IdOf(order) + "/cancel", R"({"reason": "x"})")
                .status,
            200);
  auto before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(Change("sales", order, R"({"lines": [{"line_no": 1, "quantity": 2}]})", 2),
                        409, "invalid_state"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(OrderChangesApiTest, StockALowerQuantityGivesBackServesABackorder) {
  auto first = Place("sales", OrderBody("C-1", R"([{"sku": "WID-200", "quantity": 20}])"));
  auto waiting = Place("sales", OrderBody("C-2", R"([{"sku": "WID-200", "quantity": 5}])"));
  ASSERT_EQ(waiting["status"], "backordered");
  json lowered = Changed("sales", first, R"({"lines": [{"line_no": 1, "quantity": 12}]})");
  EXPECT_EQ(lowered["lines"][0]["quantity_allocated"], 12);
  json served = Read(waiting);
  EXPECT_EQ(served["status"], "open");
  EXPECT_EQ(served["lines"][0]["quantity_allocated"], 5);
  EXPECT_EQ(db_.Stock("WID-200", "W1").allocated, 17);
  // Raising it again takes only what is left: 3 of the 8 more are backordered.
  json raised = Changed("sales", lowered, R"({"lines": [{"line_no": 1, "quantity": 20}]})");
  EXPECT_EQ(raised["status"], "backordered");
  EXPECT_EQ(raised["lines"][0]["quantity_allocated"], 15);
  EXPECT_EQ(raised["lines"][0]["quantity_backordered"], 5);
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderChangesApiTest, ANewQuantityEarnsItsBreakPrice) {
  ASSERT_EQ(Call("manager", "POST", "/api/v1/price-lists", R"({"code": "PL-1", "name": "Trade",
      "valid_from": "2000-01-01", "prices": [{"sku": "WID-100", "unit_price": "2.40"}],
      "breaks": [{"sku": "WID-100", "min_quantity": 100, "unit_price": "2.00"}]})")
                .status,
            201);
  ASSERT_EQ(
      Call("manager", "PUT", "/api/v1/customers/C-1/pricing", R"({"price_list": "PL-1"})").status,
      200);
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 50},
                                                     {"sku": "WID-100", "quantity": 1}])"));
  ASSERT_EQ(order["lines"][0]["unit_price"], "2.4000");
  json broke = Changed("sales", order, R"({"lines": [{"line_no": 1, "quantity": 120}]})");
  EXPECT_EQ(broke["lines"][0]["unit_price"], "2.0000");
  EXPECT_EQ(broke["lines"][0]["price_source"], "break:PL-1");
  EXPECT_EQ(broke["lines"][0]["extended_amount"], "240.00");
  EXPECT_EQ(broke["lines"][1], order["lines"][1]);
  EXPECT_EQ(broke["subtotal"], "242.40");
  json back = Changed("sales", broke, R"({"lines": [{"line_no": 1, "quantity": 60}]})");
  EXPECT_EQ(back["lines"][0]["unit_price"], "2.4000");
  EXPECT_EQ(back["subtotal"], "146.40");
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderChangesApiTest, ANewShipToTaxesEveryLineAgain) {
  db_.SetTaxRate("NY", "standard", "8.875");
  customers::NewCustomer c = test_support::SimpleCustomer("C-T", "10000.00", "W1");
  customers::NewShipTo ny;
  ny.code = "NYC";
  ny.name = "City store";
  ny.address.region = "NY";
  c.ship_tos.push_back(ny);
  db_.AddCustomer(c);
  auto order = Place("sales", OrderBody("C-T", R"([{"sku": "WID-100", "quantity": 10},
                                                     {"sku": "WID-200", "quantity": 1}])"));
  ASSERT_EQ(order["tax"], "0.00");
  json moved = Changed("sales", order, R"({"ship_to": "NYC"})");
  EXPECT_EQ(moved["ship_to"], "NYC");
  EXPECT_EQ(moved["lines"][0]["tax_rate_percent"], "8.875");
  EXPECT_EQ(moved["lines"][0]["tax_amount"], "2.22");  // 25.00 x 8.875% = 2.21875
  EXPECT_EQ(moved["lines"][1]["tax_amount"], "0.89");  // 10.00 x 8.875% = 0.8875
  EXPECT_EQ(moved["tax"], "3.11");
  EXPECT_EQ(moved["total"], "38.11");
  EXPECT_EQ(Read(moved), moved);
  EXPECT_TRUE(Consistent());
  json back = Changed("sales", moved, R"({"ship_to": "MAIN"})");
  EXPECT_EQ(back["tax"], "0.00");
  // Once something is on a pick list the ship-to stays.
  Pick(back);
  back = Read(back);
  auto before = db_.Snapshot();
  auto picked = Change("sales", back, R"({"ship_to": "NYC"})", back["version"].get<int64_t>());
  EXPECT_EQ(FieldErrors(picked),
            (std::set<std::pair<std::string, std::string>>{{"ship_to", "already_picked"}}));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderChangesApiTest, AChangeThatMatchesARuleHoldsTheOrderAndReleasesItsStock) {
  ASSERT_EQ(Call("manager", "POST", "/api/v1/approval-rules",
                 R"({"code": "BIG", "name": "Over 100", "kind": "order_total_over",
                     "threshold": "100"})")
                .status,
            201);
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"));
  ASSERT_EQ(order["status"], "open");
  // A date alone asks nothing again.
  json dated =
      Changed("manager", order, R"({"lines": [{"line_no": 1, "requested_date": "2027-03-01"}]})");
  EXPECT_EQ(dated["status"], "open");
  json held = Changed("manager", dated, R"({"lines": [{"line_no": 1, "quantity": 50}]})");
  EXPECT_EQ(held["status"], "on_hold");
  ASSERT_EQ(held["holds"].size(), 1u);
  EXPECT_EQ(held["holds"][0]["kind"], "approval");
  EXPECT_EQ(held["lines"][0]["quantity_allocated"], 0);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_TRUE(Consistent());

  // Segregation of duties: sales entered it, manager changed it; neither decides on it.
  auto inbox = Call("manager", "GET", "/api/v1/approvals?status=pending").Json();
  ASSERT_EQ(inbox["items"].size(), 1u) << inbox;
  const std::string approval = std::to_string(inbox["items"][0]["id"].get<int64_t>());
  auto before = db_.Snapshot();
  auto own = Call("manager", "POST", "/api/v1/approvals/" + approval + "/approve", "{}");
  ASSERT_TRUE(IsProblem(own, 403, "forbidden"));
  EXPECT_EQ(FieldErrors(own),
            (std::set<std::pair<std::string, std::string>>{{"order", "own_order"}}));
  auto release =
      Call("manager", "POST", "/api/v1/orders/" + IdOf(order) + "/holds/approval/release", "{}");
  ASSERT_TRUE(IsProblem(release, 403, "forbidden"));
  EXPECT_EQ(FieldErrors(release),
            (std::set<std::pair<std::string, std::string>>{{"order", "own_order"}}));
  EXPECT_EQ(db_.Snapshot(), before);
  AddUserWithToken("manager2", "sales_manager");
  auto approved = Call("manager2", "POST", "/api/v1/approvals/" + approval + "/approve", "{}");
  ASSERT_EQ(approved.status, 200) << approved.body;
  json released = Read(order);
  EXPECT_EQ(released["status"], "open");
  EXPECT_EQ(released["lines"][0]["quantity_allocated"], 50);
  EXPECT_TRUE(Consistent());
}

// A hold releases every allocation, which would strand a pick list: such a change is refused.
TEST_F(OrderChangesApiTest, AChangeThatWouldHoldAnOrderBeingPickedIsRefused) {
  ASSERT_EQ(Call("manager", "POST", "/api/v1/approval-rules",
                 R"({"code": "BIG", "name": "Over 100", "kind": "order_total_over",
                     "threshold": "100"})")
                .status,
            201);
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"));
  Pick(order);
  auto before = db_.Snapshot();
  auto r = Change("sales", order, R"({"lines": [{"line_no": 1, "quantity": 50}]})", 1);
  EXPECT_TRUE(IsProblem(r, 409, "invalid_state")) << r.body;
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(Read(order), order);
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderChangesApiTest, WhoMayChangeOrders) {
  auto order = Place("portal", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"));
  const std::string body = R"({"lines": [{"line_no": 1, "quantity": 11}]})";
  auto before = db_.Snapshot();
  for (const char* user : {"portal", "portal2", "warehouse", "arclerk", "integration"}) {
    EXPECT_TRUE(IsProblem(Change(user, order, body, 1), 403, "forbidden")) << user;
  }
  EXPECT_TRUE(IsProblem(Change("", order, body, 1), 401, "unauthenticated"));
  EXPECT_EQ(db_.Snapshot(), before);
  json changed = Changed("manager", order, body);
  changed = Changed("sales", changed, R"({"lines": [{"line_no": 1, "quantity": 12}]})");
  EXPECT_EQ(Changed("admin", changed, body)["version"], 4);
  EXPECT_TRUE(
      IsProblem(Call("sales", "PATCH", "/api/v1/orders/SO-000099", body, {{"If-Match", "1"}}), 404,
                "not_found"));
}

TEST_F(OrderChangesApiTest, AnIdempotentRetryAnswersTheFirstChange) {
  auto order = Place("sales", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])"));
  HeaderList headers = {{"If-Match", "1"}, {"Idempotency-Key", "change-1"}};
  const std::string target = "/api/v1/orders/" + IdOf(order);
  const std::string body = R"({"lines": [{"line_no": 1, "quantity": 20}]})";
  auto first = Call("sales", "PATCH", target, body, headers);
  ASSERT_EQ(first.status, 200) << first.body;
  auto again = Call("sales", "PATCH", target, body, headers);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'order.change'"), 1);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 20);
}

}  // namespace
}  // namespace ordo::api::testing
