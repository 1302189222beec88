// The order endpoints that change data, over real HTTP: POST /api/v1/orders, cancel and hold
// release, with their permissions, customer scope, If-Match, idempotency and bad bodies.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"
#include "auth/auth_fixture.h"
#include "auth/tokens.h"

namespace ordo::api::testing {
namespace {

const std::string kTen = OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])");

class OrderWriteApiTest : public OrdersApiTest {};

TEST_F(OrderWriteApiTest, PlaceAnswers201WithTheOrderItsLocationAndVersion) {
  auto r = Call("sales", "POST", "/api/v1/orders",
                OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 2, "uom": "CS"},
                                     {"sku": "WID-200", "quantity": "25"}])",
                          R"(, "po_number": "PO-7", "channel": "phone")"));
  ASSERT_EQ(r.status, 201) << r.body;
  auto order = r.Json();
  EXPECT_EQ(order["number"], "SO-000001");
  EXPECT_EQ(order["version"], 1);
  EXPECT_EQ(order["customer"], "C-1");
  EXPECT_EQ(order["po_number"], "PO-7");
  EXPECT_EQ(order["channel"], "phone");
  EXPECT_EQ(order["status"], "backordered");  // 25 WID-200 wanted, 20 in stock
  EXPECT_EQ(order["holds"], nlohmann::json::array());
  EXPECT_EQ(order["currency"], "USD");
  ASSERT_EQ(order["lines"].size(), 2u);
  EXPECT_EQ(order["lines"][0]["quantity"], 24);
  EXPECT_EQ(order["lines"][0]["allocations"],
            nlohmann::json::parse(R"([{"warehouse": "W1", "quantity": 24}])"));
  EXPECT_EQ(order["lines"][1]["quantity_allocated"], 20);
  EXPECT_EQ(order["lines"][1]["quantity_backordered"], 5);
  EXPECT_EQ(order["subtotal"], "310.00");
  EXPECT_EQ(order["total"], "310.00");
  EXPECT_EQ(order["created_by"], "user:sales");
  EXPECT_EQ(r.Header("Location").value_or(""), "/api/v1/orders/" + IdOf(order));
  EXPECT_EQ(r.Header("ETag").value_or(""), "\"1\"");

  auto read = Call("sales", "GET", "/api/v1/orders/" + IdOf(order));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.body, r.body);
  EXPECT_EQ(db_.Stock("WID-200", "W1").allocated, 20);
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderWriteApiTest, WhoMayPlaceOrders) {
  for (const char* user : {"admin", "sales", "manager", "integration", "portal"}) {
    EXPECT_EQ(Call(user, "POST", "/api/v1/orders", kTen).status, 201) << user;
  }
  auto before = db_.Snapshot();
  for (const char* user : {"warehouse", "arclerk"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", "/api/v1/orders", kTen), 403, "forbidden")) << user;
  }
  EXPECT_TRUE(IsProblem(Call("", "POST", "/api/v1/orders", kTen), 401, "unauthenticated"));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(db_.Count("orders"), 5);
}

TEST_F(OrderWriteApiTest, PortalUsersOrderOnlyForTheirOwnCustomer) {
  auto before = db_.Snapshot();
  auto other = Call("portal", "POST", "/api/v1/orders",
                    OrderBody("C-2", R"([{"sku": "WID-100", "quantity": 1}])"));
  EXPECT_TRUE(IsProblem(other, 404, "not_found"));
  auto missing = Call("portal", "POST", "/api/v1/orders",
                      OrderBody("C-404", R"([{"sku": "WID-100", "quantity": 1}])"));
  EXPECT_TRUE(IsProblem(missing, 404, "not_found"));
  // An existing and a missing customer answer alike: nothing tells them apart.
  EXPECT_EQ(other.Json()["title"], missing.Json()["title"]);
  EXPECT_EQ(db_.Snapshot(), before);

  auto mine = Place("portal", kTen);
  EXPECT_EQ(mine["customer"], "C-1");
  EXPECT_EQ(mine["channel"], "portal");
  // Who entered an order is staff-only (issue 12): the portal's own answer leaves it out.
  EXPECT_FALSE(mine.contains("created_by"));
  EXPECT_EQ(Call("sales", "GET", "/api/v1/orders/" + IdOf(mine)).Json()["created_by"],
            "user:portal");
  auto by_web = Place("portal", OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1}])",
                                          R"(, "channel": "web")"));
  EXPECT_EQ(by_web["channel"], "web");
  // Staff orders keep the request's default channel.
  EXPECT_EQ(Place("sales", kTen)["channel"], "api");
}

TEST_F(OrderWriteApiTest, ManualPricesNeedOrderEntryStaff) {
  const std::string body = OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1},
                 {"sku": "WID-200", "quantity": 1, "unit_price": "0.01", "override_reason": "x"}])");
  auto before = db_.Snapshot();
  for (const char* user : {"portal", "integration"}) {
    auto r = Call(user, "POST", "/api/v1/orders", body);
    ASSERT_TRUE(IsProblem(r, 403, "forbidden")) << user;
    EXPECT_EQ(FieldErrors(r),
              (std::set<std::pair<std::string, std::string>>{{"lines/1/unit_price", "forbidden"}}))
        << user;
  }
  EXPECT_EQ(db_.Snapshot(), before);
  auto placed = Place("sales", body);
  EXPECT_EQ(placed["lines"][1]["price_source"], "manual");
  EXPECT_EQ(placed["lines"][1]["unit_price"], "0.0100");
}

TEST_F(OrderWriteApiTest, CreditHoldIsNotAnError) {
  auto held = Place("sales", HeldBody());
  EXPECT_EQ(held["status"], "on_hold");
  ASSERT_EQ(held["holds"].size(), 1u);
  EXPECT_EQ(held["holds"][0]["kind"], "credit");
  EXPECT_EQ(held["lines"][0]["quantity_allocated"], 0);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderWriteApiTest, IdempotentRetryReturnsTheFirstAnswerAndPlacesOnce) {
  HeaderList key = {{"Idempotency-Key", "order-1"}};
  auto first = Call("sales", "POST", "/api/v1/orders", kTen, key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Call("sales", "POST", "/api/v1/orders", kTen, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(db_.Count("orders"), 1);
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);

  auto other = Call("sales", "POST", "/api/v1/orders",
                    OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 11}])"), key);
  EXPECT_TRUE(IsProblem(other, 409, "idempotency_key_reused"));
  EXPECT_EQ(db_.Count("orders"), 1);
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderWriteApiTest, BadBodiesReportEveryProblemAndChangeNothing) {
  auto before = db_.Snapshot();
  auto malformed = Call("sales", "POST", "/api/v1/orders", R"({"customer": "C-1", "lines": [)");
  ASSERT_TRUE(IsProblem(malformed, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(malformed),
            (std::set<std::pair<std::string, std::string>>{{"", "malformed_json"}}));

  auto bad = Call("sales", "POST", "/api/v1/orders",
                  R"({"customer": 7, "colour": "red", "allow_partial_shipment": "yes",
                      "lines": [{"sku": "WID-100", "quantity": {"n": 1}, "size": "L"}, 3]})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(bad), (std::set<std::pair<std::string, std::string>>{
                                  {"customer", "invalid_type"},
                                  {"colour", "unknown_field"},
                                  {"allow_partial_shipment", "invalid_type"},
                                  {"lines/0/quantity", "invalid_type"},
                                  {"lines/0/size", "unknown_field"},
                                  {"lines/1", "invalid_type"}}));

  auto invalid = Call("sales", "POST", "/api/v1/orders",
                      OrderBody("C-404",
                                R"([{"sku": "NOPE", "quantity": 1},
                                    {"sku": "WID-100", "quantity": 0},
                                    {"sku": "OLD-1", "quantity": 1}])",
                                R"(, "channel": "fax", "requested_date": "2026-02-30")"));
  ASSERT_TRUE(IsProblem(invalid, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(invalid),
            (std::set<std::pair<std::string, std::string>>{{"customer", "unknown_customer"},
                                                           {"channel", "invalid_channel"},
                                                           {"requested_date", "invalid_date"},
                                                           {"lines/0/sku", "unknown_sku"},
                                                           {"lines/1/quantity", "invalid_quantity"},
                                                           {"lines/2/sku", "inactive_sku"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(OrderWriteApiTest, AnOrderWhoseTotalIsOutOfRangeIsABadRequest) {
  // 100 lines of 10^12 units at 10.00: each line fits, the subtotal does not.
  std::string lines;
  for (int i = 0; i < 100; ++i) {
    lines += std::string(i ? "," : "") + R"({"sku": "WID-200", "quantity": 1000000000000})";
  }
  auto before = db_.Snapshot();
  auto r = Call("sales", "POST", "/api/v1/orders", OrderBody("C-1", "[" + lines + "]"));
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument")) << r.status << " " << r.body;
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(OrderWriteApiTest, OversizedBodiesAreRefused) {
  auto before = db_.Snapshot();
  // Over the server's body limit (1 MiB): refused before any handler runs.
  std::string lines = "[";
  while (lines.size() < 1100 * 1024) lines += R"({"sku": "WID-100", "quantity": 1},)";
  lines.back() = ']';
  auto huge = Call("sales", "POST", "/api/v1/orders", OrderBody("C-1", lines));
  EXPECT_TRUE(IsProblem(huge, 413, "payload_too_large"));
  client_ = NewClient();  // the server closes a connection after 413

  // Within the limit but over 1000 lines: the order is refused.
  std::string many = "[";
  for (int i = 0; i < 1001; ++i) many += R"({"sku": "WID-100", "quantity": 1},)";
  many.back() = ']';
  auto too_many = Call("sales", "POST", "/api/v1/orders", OrderBody("C-1", many));
  ASSERT_TRUE(IsProblem(too_many, 400, "invalid_argument"));
  EXPECT_TRUE(FieldErrors(too_many).count({"lines", "too_many"}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(OrderWriteApiTest, CancelReleasesStockAndBumpsTheVersion) {
  auto order = Place("sales", kTen);
  auto r = Call("sales", "POST", "/api/v1/orders/" + IdOf(order) + "/cancel",
                R"({"reason": "customer changed their mind"})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto cancelled = r.Json();
  EXPECT_EQ(cancelled["status"], "cancelled");
  EXPECT_EQ(cancelled["version"], 2);
  EXPECT_EQ(cancelled["cancel_reason"], "customer changed their mind");
  EXPECT_EQ(cancelled["lines"][0]["quantity_cancelled"], 10);
  EXPECT_EQ(r.Header("ETag").value_or(""), "\"2\"");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 0);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/orders/" + IdOf(order)).body, r.body);

  auto before = db_.Snapshot();
  auto twice =
      Call("sales", "POST", "/api/v1/orders/" + IdOf(order) + "/cancel", R"({"reason": "again"})");
  EXPECT_TRUE(IsProblem(twice, 409, "invalid_state"));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderWriteApiTest, CancelByNumberAndWhoMayCancel) {
  auto order = Place("sales", kTen);
  std::string target = "/api/v1/orders/" + order["number"].get<std::string>() + "/cancel";
  auto before = db_.Snapshot();
  for (const char* user : {"warehouse", "arclerk", "integration", "portal"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", target, R"({"reason": "x"})"), 403, "forbidden"))
        << user;
  }
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(Call("manager", "POST", target, R"({"reason": "duplicate"})").status, 200);
  EXPECT_TRUE(
      IsProblem(Call("sales", "POST", "/api/v1/orders/SO-000099/cancel", R"({"reason": "x"})"), 404,
                "not_found"));
  EXPECT_TRUE(IsProblem(Call("sales", "POST", "/api/v1/orders/999/cancel", R"({"reason": "x"})"),
                        404, "not_found"));
}

// A user bound to a customer keeps to that customer's orders even with a role that may cancel
// and release holds: another customer's order answers 404 as if it did not exist, and nothing
// changes; its own customer's orders it may change.
// A user bound to a customer acts for that customer through the portal's operations only,
// whatever staff role it also holds (issue 12): cancelling is not a portal operation, so it is
// refused for another customer's order and for its own alike, and nothing changes.
TEST_F(OrderWriteApiTest, ABoundUserWithAWriteRoleCannotUseTheStaffOperation) {
  auto other = Place("sales", kTen);       // C-1's
  auto held = Place("sales", HeldBody());  // C-2's, on a credit hold
  ASSERT_EQ(held["status"], "on_hold");
  auth::Principal p = test_support::AddUser(db_, "bound", "bound-pass-phrase-1",
                                            {"customer", "sales_manager"}, std::string("C-2"));
  auto token = db_.executor().RunFor<auth::IssuedToken>(
      [&](store::Connection& conn) { return auth::StoreToken(conn, p, db_.clock().Now()); });
  ASSERT_TRUE(token.ok());
  tokens_["bound"] = token->token;
  auto mine = Place("sales", OrderBody("C-2", R"([{"sku": "WID-100", "quantity": 1}])"));

  auto before = db_.Snapshot();
  for (const std::string& ref : {IdOf(other), other["number"].get<std::string>(), IdOf(mine)}) {
    EXPECT_TRUE(
        IsProblem(Call("bound", "POST", "/api/v1/orders/" + ref + "/cancel", R"({"reason": "x"})"),
                  403, "forbidden"))
        << ref;
  }
  EXPECT_TRUE(
      IsProblem(Call("bound", "POST", "/api/v1/orders/" + IdOf(held) + "/holds/credit/release"),
                403, "forbidden"));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderWriteApiTest, RejectedCancelsChangeNothing) {
  auto order = Place("sales", kTen);
  std::string target = "/api/v1/orders/" + IdOf(order) + "/cancel";
  auto before = db_.Snapshot();
  auto stale = Call("sales", "POST", target, R"({"reason": "x"})", {{"If-Match", "\"7\""}});
  EXPECT_TRUE(IsProblem(stale, 412, "precondition_failed"));
  EXPECT_TRUE(IsProblem(Call("sales", "POST", target, R"({"reason": "x"})", {{"If-Match", "v1"}}),
                        400, "invalid_argument"));
  auto no_reason = Call("sales", "POST", target, "");
  ASSERT_TRUE(IsProblem(no_reason, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(no_reason),
            (std::set<std::pair<std::string, std::string>>{{"reason", "required"}}));
  auto empty_reason = Call("sales", "POST", target, R"({"reason": ""})");
  ASSERT_TRUE(IsProblem(empty_reason, 400, "invalid_argument"));
  auto wrong = Call("sales", "POST", target, R"({"reason": 5, "refund": true})");
  ASSERT_TRUE(IsProblem(wrong, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(wrong), (std::set<std::pair<std::string, std::string>>{
                                    {"reason", "invalid_type"}, {"refund", "unknown_field"}}));
  EXPECT_TRUE(IsProblem(Call("sales", "POST", target, "{\"reason\": "), 400, "invalid_argument"));
  EXPECT_EQ(db_.Snapshot(), before);
  auto read = Call("sales", "GET", "/api/v1/orders/" + IdOf(order)).Json();
  EXPECT_EQ(read, order);
}

TEST_F(OrderWriteApiTest, IdempotentCancelRetryAnswersTheFirstResult) {
  auto order = Place("sales", kTen);
  std::string target = "/api/v1/orders/" + IdOf(order) + "/cancel";
  HeaderList key = {{"Idempotency-Key", "cancel-1"}};
  auto first = Call("sales", "POST", target, R"({"reason": "x"})", key);
  ASSERT_EQ(first.status, 200) << first.body;
  auto again = Call("sales", "POST", target, R"({"reason": "x"})", key);
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'order.cancel'"), 1);
}

TEST_F(OrderWriteApiTest, ReleasingACreditHoldAllocatesTheOrder) {
  auto held = Place("sales", HeldBody());
  std::string target = "/api/v1/orders/" + IdOf(held) + "/holds/credit/release";
  auto before = db_.Snapshot();
  // sales entered it, and sales may not release holds at all.
  EXPECT_TRUE(IsProblem(Call("sales", "POST", target, R"({"note": "ok"})"), 403, "forbidden"));
  for (const char* user : {"warehouse", "integration", "portal2"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", target, R"({"note": "ok"})"), 403, "forbidden"))
        << user;
  }
  auto stale = Call("manager", "POST", target, R"({"note": "ok"})", {{"If-Match", "2"}});
  EXPECT_TRUE(IsProblem(stale, 412, "precondition_failed"));
  auto no_such_hold =
      Call("manager", "POST", "/api/v1/orders/" + IdOf(held) + "/holds/fraud/release", "{}");
  EXPECT_TRUE(IsProblem(no_such_hold, 409, "invalid_state"));
  auto bad = Call("manager", "POST", target, R"({"note": 1, "notes": "x"})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(bad), (std::set<std::pair<std::string, std::string>>{
                                  {"note", "invalid_type"}, {"notes", "unknown_field"}}));
  EXPECT_EQ(db_.Snapshot(), before);

  auto r = Call("manager", "POST", target, R"({"note": "paid by wire"})", {{"If-Match", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto released = r.Json();
  EXPECT_EQ(released["status"], "open");
  EXPECT_EQ(released["version"], 2);
  EXPECT_EQ(released["holds"], nlohmann::json::array());
  EXPECT_EQ(released["lines"][0]["allocations"],
            nlohmann::json::parse(R"([{"warehouse": "W1", "quantity": 10}])"));
  EXPECT_EQ(r.Header("ETag").value_or(""), "\"2\"");
  EXPECT_EQ(db_.Stock("WID-100", "W1").allocated, 10);
  EXPECT_TRUE(Consistent());
}

TEST_F(OrderWriteApiTest, NobodyReleasesAHoldOnAnOrderTheyEntered) {
  auto held = Place("manager", HeldBody());
  std::string target =
      "/api/v1/orders/" + held["number"].get<std::string>() + "/holds/credit/release";
  auto before = db_.Snapshot();
  auto own = Call("manager", "POST", target, "{}");
  ASSERT_TRUE(IsProblem(own, 403, "forbidden"));
  EXPECT_EQ(FieldErrors(own),
            (std::set<std::pair<std::string, std::string>>{{"order", "own_order"}}));
  EXPECT_EQ(db_.Snapshot(), before);
  auto r = Call("arclerk", "POST", target, "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["status"], "open");
  EXPECT_TRUE(Consistent());
}

}  // namespace
}  // namespace ordo::api::testing
