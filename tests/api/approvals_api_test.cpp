// Approvals over real HTTP: rules (GET/POST /api/v1/approval-rules, GET/PATCH …/{code}), orders
// held by them, and the inbox (GET /api/v1/approvals) with its decisions (POST …/approve,
// …/reject) by the role of each hold kind.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api/api_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class ApprovalsApiTest : public ApiTest {
 protected:
  void AddRule(const std::string& body) {
    auto r = Call("manager", "POST", "/api/v1/approval-rules", body);
    ASSERT_EQ(r.status, 201) << r.body;
  }
  // An order of `quantity` WID-200 (list 10.00) by sales, at `price` when given.
  json PlaceOrder(const std::string& customer, int quantity, const std::string& price = "") {
    std::string line = R"({"sku": "WID-200", "quantity": )" + std::to_string(quantity);
    if (!price.empty()) line += R"(, "unit_price": ")" + price + R"(", "override_reason": "deal")";
    line += "}";
    auto r = Call("sales", "POST", "/api/v1/orders",
                  R"({"customer": ")" + customer + R"(", "lines": [)" + line + "]}");
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  }
  json Inbox(const std::string& user, const std::string& query = "?status=pending") {
    auto r = Call(user, "GET", "/api/v1/approvals" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }
};

TEST_F(ApprovalsApiTest, RulesAreCreatedListedShownAndChanged) {
  auto created = Call("manager", "POST", "/api/v1/approval-rules",
                      R"({"code": "DISC-20", "name": "Discount over 20%",
                          "kind": "discount_over", "threshold": 20})");
  ASSERT_EQ(created.status, 201) << created.body;
  json rule = created.Json();
  EXPECT_EQ(rule["threshold"], "20.00");
  EXPECT_EQ(rule["hold_kind"], "approval");
  EXPECT_EQ(rule["version"], 1);
  EXPECT_EQ(created.Header("Location"), "/api/v1/approval-rules/DISC-20");

  auto list = Call("manager", "GET", "/api/v1/approval-rules");
  ASSERT_EQ(list.status, 200);
  std::vector<std::string> codes;
  const json rules = list.Json();
  for (const auto& r : rules["items"]) codes.push_back(r["code"]);
  EXPECT_EQ(codes, (std::vector<std::string>{"CREDIT-LIMIT", "DISC-20", "PRICE-FLOOR"}));

  auto stale = Call("manager", "PATCH", "/api/v1/approval-rules/DISC-20", R"({"threshold": "25"})",
                    {{"If-Match", "\"7\""}});
  EXPECT_TRUE(IsProblem(stale, 412, "precondition_failed"));
  auto changed = Call("manager", "PATCH", "/api/v1/approval-rules/DISC-20",
                      R"({"threshold": "25", "active": false})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json()["threshold"], "25.00");
  EXPECT_EQ(changed.Json()["active"], false);
  auto shown = Call("admin", "GET", "/api/v1/approval-rules/DISC-20");
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.Json()["version"], 2);
  EXPECT_TRUE(IsProblem(Call("manager", "GET", "/api/v1/approval-rules/NOPE"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(
      Call("manager", "PATCH", "/api/v1/approval-rules/DISC-20", R"({"kind": "first_order"})"), 400,
      "invalid_argument"));
}

TEST_F(ApprovalsApiTest, BadRulesAreRefusedWithEveryFieldAndOnlyManagersWriteThem) {
  auto before = db_.Snapshot();
  auto bad = Call("manager", "POST", "/api/v1/approval-rules",
                  R"({"code": "", "name": "X", "kind": "cheap", "hold_kind": "fraud"})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  std::set<std::string> fields;
  const json problem = bad.Json();
  for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"code", "kind", "hold_kind"})) << bad.body;
  auto no_threshold = Call("manager", "POST", "/api/v1/approval-rules",
                           R"({"code": "BIG", "name": "Big", "kind": "order_total_over"})");
  EXPECT_TRUE(IsProblem(no_threshold, 400, "invalid_argument"));
  const std::string rule = R"({"code": "NEW", "name": "New", "kind": "first_order"})";
  for (const char* user : {"sales", "arclerk", "warehouse", "integration"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", "/api/v1/approval-rules", rule), 403, "forbidden"))
        << user;
  }
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/approval-rules"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("portal", "GET", "/api/v1/approvals"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/approvals"), 403, "forbidden"));
  EXPECT_EQ(db_.Snapshot(), before);
  AddRule(rule);
  EXPECT_TRUE(IsProblem(Call("manager", "POST", "/api/v1/approval-rules", rule), 409, "conflict"));
}

// A discount is measured from the price the pricing rules give: a contract 40% below list was
// agreed already and holds nothing, while a manual price 25% below the contract is a discount.
TEST_F(ApprovalsApiTest, ADiscountIsMeasuredFromThePricingRulesPrice) {
  AddRule(R"({"code": "DISC-20", "name": "Discount over 20%", "kind": "discount_over",
              "threshold": "20"})");
  auto contract = Call("manager", "POST", "/api/v1/contracts",
                       R"({"code": "K-40", "customer": "C-1", "start_date": "2000-01-01",
                           "end_date": "2999-12-31", "terms": [{"sku": "WID-200",
                           "unit_price": "6.00"}]})");
  ASSERT_EQ(contract.status, 201) << contract.body;

  json agreed = PlaceOrder("C-1", 2);
  EXPECT_EQ(agreed["status"], "open") << agreed;
  EXPECT_EQ(agreed["lines"][0]["unit_price"], "6.0000");
  EXPECT_TRUE(agreed["holds"].empty());

  json manual = PlaceOrder("C-1", 2, "4.50");
  EXPECT_EQ(manual["status"], "on_hold");
  ASSERT_EQ(manual["holds"].size(), 1u);
  EXPECT_EQ(manual["holds"][0]["reason"],
            "discount_over: line 1 WID-200 at 4.50 is 25.00% below 6.00 (contract K-40 until "
            "2999-12-31), over 20.00% (rule DISC-20)");

  // 10% below the contract, 55% below list: within the rule.
  json near = PlaceOrder("C-1", 2, "5.40");
  EXPECT_EQ(near["status"], "open") << near;
}

TEST_F(ApprovalsApiTest, TheManagerApprovesADiscountAndTheOrderIsAllocated) {
  AddRule(R"({"code": "DISC-20", "name": "Discount over 20%", "kind": "discount_over",
              "threshold": "20"})");
  json order = PlaceOrder("C-1", 4, "7.50");
  EXPECT_EQ(order["status"], "on_hold");
  ASSERT_EQ(order["holds"].size(), 1u);
  EXPECT_EQ(order["holds"][0]["kind"], "approval");
  EXPECT_EQ(order["holds"][0]["reason"],
            "discount_over: line 1 WID-200 at 7.50 is 25.00% below 10.00 (list price 10.00), over "
            "20.00% "
            "(rule DISC-20)");

  json inbox = Inbox("manager");
  ASSERT_EQ(inbox["items"].size(), 1u) << inbox;
  json approval = inbox["items"][0];
  EXPECT_EQ(approval["order"], order["number"]);
  EXPECT_EQ(approval["customer"], "C-1");
  EXPECT_EQ(approval["kind"], "approval");
  EXPECT_EQ(approval["status"], "pending");
  EXPECT_EQ(approval["order_total"], "30.00");
  EXPECT_EQ(approval["entered_by"], "user:sales");
  EXPECT_EQ(approval["rules"][0]["figure"], "25.00%");
  // The AR clerk's inbox holds credit only.
  EXPECT_TRUE(Inbox("arclerk")["items"].empty());
  EXPECT_EQ(Inbox("admin")["items"].size(), 1u);

  const std::string id = std::to_string(approval["id"].get<int64_t>());
  EXPECT_TRUE(IsProblem(Call("arclerk", "POST", "/api/v1/approvals/" + id + "/approve", "{}"), 403,
                        "forbidden"));
  auto approved = Call("manager", "POST", "/api/v1/approvals/" + id + "/approve",
                       R"({"note": "long-standing customer"})", {{"Idempotency-Key", "ap-1"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.Json()["status"], "approved");
  EXPECT_EQ(approved.Json()["decided_by"], "user:manager");
  EXPECT_EQ(approved.Json()["note"], "long-standing customer");
  auto replay = Call("manager", "POST", "/api/v1/approvals/" + id + "/approve",
                     R"({"note": "long-standing customer"})", {{"Idempotency-Key", "ap-1"}});
  EXPECT_EQ(replay.status, 200);
  EXPECT_EQ(replay.body, approved.body);

  auto stored = Call("sales", "GET", "/api/v1/orders/" + order["number"].get<std::string>());
  EXPECT_EQ(stored.Json()["status"], "open");
  EXPECT_EQ(stored.Json()["lines"][0]["quantity_allocated"], 4);
  EXPECT_TRUE(Inbox("manager")["items"].empty());
  EXPECT_EQ(Inbox("manager", "?status=approved")["items"].size(), 1u);
  auto shown = Call("manager", "GET", "/api/v1/approvals/" + id);
  EXPECT_EQ(shown.Json()["status"], "approved");
  EXPECT_TRUE(IsProblem(Call("manager", "POST", "/api/v1/approvals/" + id + "/approve", "{}"), 409,
                        "invalid_state"));

  auto audit = Call("manager", "GET", "/api/v1/audit?entity=approval&entity_id=" + id);
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("approval.approve"), std::string::npos);
}

TEST_F(ApprovalsApiTest, NobodyDecidesOnTheirOwnOrderAndARejectionCancelsIt) {
  AddRule(R"({"code": "BIG", "name": "Large order", "kind": "order_total_over",
              "threshold": "100"})");
  auto mine = Call("manager", "POST", "/api/v1/orders",
                   R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 11}]})");
  ASSERT_EQ(mine.status, 201) << mine.body;
  json order = PlaceOrder("C-1", 12);
  json inbox = Inbox("manager");
  ASSERT_EQ(inbox["items"].size(), 2u);
  const std::string own = std::to_string(inbox["items"][0]["id"].get<int64_t>());
  const std::string other = std::to_string(inbox["items"][1]["id"].get<int64_t>());
  auto refused = Call("manager", "POST", "/api/v1/approvals/" + own + "/approve", "{}");
  ASSERT_TRUE(IsProblem(refused, 403, "forbidden"));
  EXPECT_EQ(refused.Json()["errors"][0]["code"], "own_order");

  EXPECT_TRUE(IsProblem(Call("manager", "POST", "/api/v1/approvals/" + other + "/reject", "{}"),
                        400, "invalid_argument"));
  auto rejected = Call("manager", "POST", "/api/v1/approvals/" + other + "/reject",
                       R"({"note": "over the customer's usual volume"})");
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.Json()["status"], "rejected");
  auto cancelled = Call("sales", "GET", "/api/v1/orders/" + order["number"].get<std::string>());
  EXPECT_EQ(cancelled.Json()["status"], "cancelled");
  EXPECT_TRUE(IsProblem(Call("manager", "GET", "/api/v1/approvals/99999"), 404, "not_found"));
  EXPECT_TRUE(
      IsProblem(Call("manager", "GET", "/api/v1/approvals?status=late"), 400, "invalid_argument"));
}

TEST_F(ApprovalsApiTest, TheArClerkDecidesCreditHolds) {
  json order = PlaceOrder("C-2", 51);  // 510.00 over C-2's limit of 500.00
  EXPECT_EQ(order["holds"][0]["kind"], "credit");
  json inbox = Inbox("arclerk");
  ASSERT_EQ(inbox["items"].size(), 1u);
  EXPECT_EQ(inbox["items"][0]["rules"][0]["rule"], "CREDIT-LIMIT");
  EXPECT_TRUE(Inbox("manager")["items"].empty());
  const std::string id = std::to_string(inbox["items"][0]["id"].get<int64_t>());
  EXPECT_TRUE(IsProblem(Call("manager", "POST", "/api/v1/approvals/" + id + "/approve", "{}"), 403,
                        "forbidden"));
  auto approved = Call("arclerk", "POST", "/api/v1/approvals/" + id + "/approve", "");
  ASSERT_EQ(approved.status, 200) << approved.body;
  // Allocated as far as stock goes: 20 of WID-200 in W1.
  auto stored = Call("sales", "GET", "/api/v1/orders/" + order["number"].get<std::string>());
  EXPECT_EQ(stored.Json()["status"], "backordered");
  EXPECT_EQ(stored.Json()["lines"][0]["quantity_allocated"], 20);
}

}  // namespace
}  // namespace ordo::api::testing
