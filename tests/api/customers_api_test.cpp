// The customer endpoints over real HTTP: create, read by id or code, list with filters, partial
// update with If-Match, the credit position, each role's permissions and portal users' scope.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "api/api_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

const std::string kNewCustomer = R"({
  "code": "C-1001", "name": "Acme Hardware",
  "bill_to": {"line1": "1 Main St", "city": "Springfield", "region": "IL",
              "postal_code": "62701", "country": "US"},
  "ship_to": [{"code": "DOCK", "name": "Back dock", "line1": "2 Side St", "city": "Springfield",
               "region": "IL", "postal_code": "62702", "country": "US",
               "preferred_warehouse": "W2"},
              {"code": "STORE", "city": "Decatur"}],
  "payment_terms": "NET60", "credit_limit": "25000.50", "tax_exempt": true,
  "salesperson": "jsmith", "on_hold": false})";

// (field, code) of every error of a problem response.
std::set<std::pair<std::string, std::string>> FieldErrors(const ClientResponse& r) {
  std::set<std::pair<std::string, std::string>> out;
  json problem = r.Json();  // kept: the loop below iterates into it
  for (const auto& e : problem["errors"]) {
    out.emplace(e["field"].get<std::string>(), e["code"].get<std::string>());
  }
  return out;
}

std::vector<std::string> Codes(const json& page) {
  std::vector<std::string> out;
  for (const auto& c : page["items"]) out.push_back(c["code"]);
  return out;
}

class CustomersApiTest : public ApiTest {
 protected:
  json Get(const std::string& ref, const std::string& user = "sales") {
    auto r = Call(user, "GET", "/api/v1/customers/" + ref);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }
  std::string IdOf(const std::string& code) {
    return std::to_string(Get(code)["id"].get<int64_t>());
  }
  // Creates a customer through the API with the given extra fields.
  void Create(const std::string& code, const std::string& name, const std::string& extra = "") {
    std::string body = R"({"code": ")" + code + R"(", "name": ")" + name +
                       R"(", "ship_to": [{"code": "MAIN"}])" + extra + "}";
    auto r = Call("admin", "POST", "/api/v1/customers", body);
    ASSERT_EQ(r.status, 201) << r.body;
  }
};

TEST_F(CustomersApiTest, CreateThenReadByIdAndCode) {
  auto created = Call("manager", "POST", "/api/v1/customers", kNewCustomer);
  ASSERT_EQ(created.status, 201) << created.body;
  json body = created.Json();
  std::string id = std::to_string(body["id"].get<int64_t>());
  EXPECT_EQ(created.Header("Location").value_or(""), "/api/v1/customers/" + id);
  EXPECT_EQ(created.Header("ETag").value_or(""), "\"1\"");
  EXPECT_EQ(body["code"], "C-1001");
  EXPECT_EQ(body["name"], "Acme Hardware");
  EXPECT_EQ(body["bill_to"], json::parse(R"({"line1": "1 Main St", "city": "Springfield",
      "region": "IL", "postal_code": "62701", "country": "US"})"));
  ASSERT_EQ(body["ship_to"].size(), 2u);
  EXPECT_EQ(body["ship_to"][0]["code"], "DOCK");
  EXPECT_EQ(body["ship_to"][0]["name"], "Back dock");
  EXPECT_EQ(body["ship_to"][0]["postal_code"], "62702");
  EXPECT_TRUE(body["ship_to"][0].contains("preferred_warehouse_id"));
  EXPECT_EQ(body["ship_to"][0]["preferred_warehouse"], "W2");
  EXPECT_EQ(body["ship_to"][1]["code"], "STORE");
  EXPECT_EQ(body["ship_to"][1]["city"], "Decatur");
  EXPECT_EQ(body["payment_terms"], "NET60");
  EXPECT_EQ(body["credit_limit"], "25000.50");
  EXPECT_TRUE(body["price_tier"].is_null());
  EXPECT_EQ(body["tax_exempt"], true);
  EXPECT_EQ(body["salesperson"], "jsmith");
  EXPECT_EQ(body["on_hold"], false);
  EXPECT_EQ(body["version"], 1);

  auto by_id = Call("sales", "GET", "/api/v1/customers/" + id);
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_EQ(by_id.Json(), body);
  EXPECT_EQ(by_id.Header("ETag").value_or(""), "\"1\"");
  EXPECT_EQ(Get("C-1001"), body);
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/customers/NOPE"), 404, "not_found"));
  EXPECT_TRUE(IsProblem(Call("sales", "GET", "/api/v1/customers/9999"), 404, "not_found"));
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM outbox_events WHERE type = 'customer.created'"), 3);
}

TEST_F(CustomersApiTest, CreateDefaultsOptionalFieldsAndTakesNumbersExactly) {
  auto r = Call("arclerk", "POST", "/api/v1/customers",
                R"({"code": "C-9", "name": "Nine", "credit_limit": 1234.5,
                    "ship_to": [{"code": "MAIN"}]})");
  ASSERT_EQ(r.status, 201) << r.body;
  json body = r.Json();
  EXPECT_EQ(body["payment_terms"], "NET30");
  EXPECT_EQ(body["credit_limit"], "1234.50");
  EXPECT_EQ(body["tax_exempt"], false);
  EXPECT_EQ(body["on_hold"], false);
  EXPECT_EQ(body["bill_to"]["city"], "");
}

TEST_F(CustomersApiTest, WritePermissions) {
  auto before = db_.Snapshot();
  EXPECT_TRUE(
      IsProblem(Call("", "POST", "/api/v1/customers", kNewCustomer), 401, "unauthenticated"));
  for (const char* user : {"sales", "warehouse", "integration", "portal"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", "/api/v1/customers", kNewCustomer), 403, "forbidden"))
        << user;
    EXPECT_TRUE(IsProblem(Call(user, "PATCH", "/api/v1/customers/C-1", R"({"name": "x"})"), 403,
                          "forbidden"))
        << user;
  }
  EXPECT_EQ(db_.Snapshot(), before);
  int n = 0;
  for (const char* user : {"admin", "manager", "arclerk"}) {
    std::string code = "OK-" + std::to_string(n++);
    auto r = Call(user, "POST", "/api/v1/customers",
                  R"({"code": ")" + code + R"(", "name": "x", "ship_to": [{"code": "M"}]})");
    EXPECT_EQ(r.status, 201) << user << r.body;
    auto p = Call(user, "PATCH", "/api/v1/customers/" + code, R"({"name": "y"})");
    EXPECT_EQ(p.status, 200) << user << p.body;
  }
}

TEST_F(CustomersApiTest, ReadPermissions) {
  for (const char* user : {"admin", "sales", "manager", "arclerk", "integration"}) {
    EXPECT_EQ(Call(user, "GET", "/api/v1/customers").status, 200) << user;
    EXPECT_EQ(Call(user, "GET", "/api/v1/customers/C-2").status, 200) << user;
    EXPECT_EQ(Call(user, "GET", "/api/v1/customers/C-2/credit").status, 200) << user;
  }
  for (const char* target :
       {"/api/v1/customers", "/api/v1/customers/C-1", "/api/v1/customers/C-1/credit"}) {
    EXPECT_TRUE(IsProblem(Call("warehouse", "GET", target), 403, "forbidden")) << target;
    EXPECT_TRUE(IsProblem(Call("", "GET", target), 401, "unauthenticated")) << target;
  }
}

TEST_F(CustomersApiTest, PortalUsersSeeOnlyTheirOwnCustomer) {
  std::string c1 = IdOf("C-1");
  std::string c2 = IdOf("C-2");
  EXPECT_EQ(Get("C-1", "portal")["code"], "C-1");
  EXPECT_EQ(Get(c1, "portal")["code"], "C-1");
  EXPECT_EQ(Call("portal", "GET", "/api/v1/customers/C-1/credit").status, 200);
  for (const std::string& ref : {std::string("C-2"), c2, std::string("NOPE"), std::string("999")}) {
    EXPECT_TRUE(IsProblem(Call("portal", "GET", "/api/v1/customers/" + ref), 404, "not_found"))
        << ref;
    EXPECT_TRUE(
        IsProblem(Call("portal", "GET", "/api/v1/customers/" + ref + "/credit"), 404, "not_found"))
        << ref;
  }
  auto list = Call("portal", "GET", "/api/v1/customers");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(Codes(list.Json()), std::vector<std::string>{"C-1"});
  auto filtered = Call("portal", "GET", "/api/v1/customers?q=C-2");
  EXPECT_EQ(Codes(filtered.Json()), std::vector<std::string>{});

  EXPECT_EQ(Get("C-2", "portal2")["code"], "C-2");
  EXPECT_TRUE(IsProblem(Call("portal2", "GET", "/api/v1/customers/C-1"), 404, "not_found"));
  EXPECT_EQ(Codes(Call("portal2", "GET", "/api/v1/customers").Json()),
            std::vector<std::string>{"C-2"});
}

TEST_F(CustomersApiTest, ListFiltersByHoldSalespersonAndText) {
  Create("ACME-1", "Acme Tools", R"(, "salesperson": "ann", "on_hold": true)");
  Create("BOLT-2", "Bolt & Nut 50% Off", R"(, "salesperson": "ann")");
  Create("CRANE-3", "Crane Supply", R"(, "salesperson": "bob", "on_hold": true)");
  auto codes = [&](const std::string& query) {
    auto r = Call("sales", "GET", "/api/v1/customers?" + query);
    EXPECT_EQ(r.status, 200) << query << r.body;
    return Codes(r.Json());
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(codes(""), (V{"C-1", "C-2", "ACME-1", "BOLT-2", "CRANE-3"}));
  EXPECT_EQ(codes("on_hold=true"), (V{"ACME-1", "CRANE-3"}));
  EXPECT_EQ(codes("on_hold=false"), (V{"C-1", "C-2", "BOLT-2"}));
  EXPECT_EQ(codes("salesperson=ann"), (V{"ACME-1", "BOLT-2"}));
  EXPECT_EQ(codes("salesperson=ann&on_hold=true"), (V{"ACME-1"}));
  EXPECT_EQ(codes("q=acme"), (V{"ACME-1"}));     // code, any case
  EXPECT_EQ(codes("q=SUPPLY"), (V{"CRANE-3"}));  // name, any case
  EXPECT_EQ(codes("q=c-"), (V{"C-1", "C-2"}));
  EXPECT_EQ(codes("q=50%25"), (V{"BOLT-2"}));  // a literal %, not a wildcard
  EXPECT_EQ(codes("q=_"), (V{}));              // a literal _, not a wildcard
  EXPECT_EQ(codes("q=o&salesperson=ann&on_hold=false"), (V{"BOLT-2"}));
  EXPECT_EQ(codes("salesperson=nobody"), (V{}));
  for (const char* bad : {"on_hold=yes", "on_hold=1", "limit=0", "cursor=x"}) {
    EXPECT_TRUE(IsProblem(Call("sales", "GET", std::string("/api/v1/customers?") + bad), 400,
                          "invalid_argument"))
        << bad;
  }
}

TEST_F(CustomersApiTest, CursorPagesVisitEveryCustomerOnce) {
  for (int i = 0; i < 5; ++i) Create("P-" + std::to_string(i), "Page " + std::to_string(i));
  std::vector<std::string> seen;
  std::string target = "/api/v1/customers?q=page&limit=2";
  int pages = 0;
  while (true) {
    auto r = Call("sales", "GET", target);
    ASSERT_EQ(r.status, 200) << r.body;
    json body = r.Json();
    ++pages;
    for (const auto& code : Codes(body)) seen.push_back(code);
    if (body["next_cursor"].is_null()) break;
    target = "/api/v1/customers?q=page&limit=2&cursor=" + body["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, (std::vector<std::string>{"P-0", "P-1", "P-2", "P-3", "P-4"}));
}

TEST_F(CustomersApiTest, CreateRejectsBadBodiesListingEveryProblemAndChangesNothing) {
  auto before = db_.Snapshot();
  auto malformed = Call("admin", "POST", "/api/v1/customers", R"({"code": )");
  ASSERT_TRUE(IsProblem(malformed, 400, "invalid_argument"));
  EXPECT_EQ(malformed.Json()["errors"][0]["code"], "malformed_json");
  EXPECT_TRUE(IsProblem(Call("admin", "POST", "/api/v1/customers", "[]"), 400, "invalid_argument"));

  auto bad = Call("admin", "POST", "/api/v1/customers",
                  R"({"code": 5, "bill_to": {"city": 3, "planet": "Mars"}, "colour": "red",
                      "ship_to": [{"name": "no code"}, "DOCK", {"code": "X", "floor": 2}],
                      "payment_terms": "NET999", "credit_limit": "12.34567",
                      "tax_exempt": "yes", "on_hold": 1, "salesperson": []})");
  ASSERT_TRUE(IsProblem(bad, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(bad), (std::set<std::pair<std::string, std::string>>{
                                  {"code", "invalid_type"},
                                  {"name", "required"},
                                  {"bill_to/city", "invalid_type"},
                                  {"bill_to/planet", "unknown_field"},
                                  {"colour", "unknown_field"},
                                  {"ship_to/0/code", "required"},
                                  {"ship_to/1", "invalid_type"},
                                  {"ship_to/2/floor", "unknown_field"},
                                  {"payment_terms", "unknown_terms"},
                                  {"credit_limit", "too_many_decimals"},
                                  {"tax_exempt", "invalid_type"},
                                  {"on_hold", "invalid_type"},
                                  {"salesperson", "invalid_type"},
                              }));

  auto rules = Call("admin", "POST", "/api/v1/customers",
                    R"({"code": "C-5", "name": "Five", "credit_limit": "-1",
                        "ship_to": [{"code": "A"}, {"code": "A"}]})");
  ASSERT_TRUE(IsProblem(rules, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(rules),
            (std::set<std::pair<std::string, std::string>>{{"credit_limit", "out_of_range"},
                                                           {"ship_to/1/code", "duplicate"}}));

  auto no_ship_to = Call("admin", "POST", "/api/v1/customers", R"({"code": "C-6", "name": "Six"})");
  ASSERT_TRUE(IsProblem(no_ship_to, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(no_ship_to),
            (std::set<std::pair<std::string, std::string>>{{"ship_to", "required"}}));

  auto unknown = Call("admin", "POST", "/api/v1/customers",
                      R"({"code": "C-7", "name": "Seven", "price_tier": "GOLD",
                          "ship_to": [{"code": "A", "preferred_warehouse": "W9"}]})");
  ASSERT_TRUE(IsProblem(unknown, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(unknown), (std::set<std::pair<std::string, std::string>>{
                                      {"price_tier", "unknown_price_tier"},
                                      {"ship_to/0/preferred_warehouse", "unknown_warehouse"}}));

  auto taken = Call("admin", "POST", "/api/v1/customers",
                    R"({"code": "C-1", "name": "Again", "ship_to": [{"code": "A"}]})");
  EXPECT_TRUE(IsProblem(taken, 409, "conflict"));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(CustomersApiTest, IdempotentRetryReturnsTheFirstResponseAndCreatesNothing) {
  HeaderList key = {{"Idempotency-Key", "cust-create-1"}};
  auto first = Call("manager", "POST", "/api/v1/customers", kNewCustomer, key);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Call("manager", "POST", "/api/v1/customers", kNewCustomer, key);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("Idempotent-Replayed").value_or(""), "true");
  EXPECT_EQ(db_.Count("customers"), 3);
  auto other = Call("manager", "POST", "/api/v1/customers",
                    R"({"code": "C-X", "name": "x", "ship_to": [{"code": "A"}]})", key);
  EXPECT_TRUE(IsProblem(other, 409, "idempotency_key_reused"));
  EXPECT_EQ(db_.Count("customers"), 3);
}

TEST_F(CustomersApiTest, PatchChangesOnlyTheGivenFieldsAuditsAndPublishes) {
  db_.SaveTier("GOLD", 500);
  json before = Get("C-1");
  auto r = Call("arclerk", "PATCH", "/api/v1/customers/C-1",
                R"({"name": "Customer One", "credit_limit": 2500.5, "price_tier": "GOLD",
                    "bill_to": {"city": "Peoria"}, "on_hold": true,
                    "ship_to": [{"code": "MAIN", "city": "Joliet"},
                                {"code": "DOCK2", "name": "Dock two", "country": "US",
                                 "preferred_warehouse": "W2"}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("ETag").value_or(""), "\"2\"");
  json after = r.Json();
  EXPECT_EQ(after["version"], 2);
  EXPECT_EQ(after["name"], "Customer One");
  EXPECT_EQ(after["credit_limit"], "2500.50");
  EXPECT_EQ(after["price_tier"], "GOLD");
  EXPECT_EQ(after["on_hold"], true);
  EXPECT_EQ(after["bill_to"]["city"], "Peoria");
  EXPECT_EQ(after["bill_to"]["line1"], before["bill_to"]["line1"]);
  EXPECT_EQ(after["payment_terms"], before["payment_terms"]);
  EXPECT_EQ(after["tax_exempt"], before["tax_exempt"]);
  ASSERT_EQ(after["ship_to"].size(), 2u);
  EXPECT_EQ(after["ship_to"][0]["code"], "MAIN");
  EXPECT_EQ(after["ship_to"][0]["name"], "Main dock");  // kept
  EXPECT_EQ(after["ship_to"][0]["city"], "Joliet");
  EXPECT_EQ(after["ship_to"][0]["preferred_warehouse_id"],
            before["ship_to"][0]["preferred_warehouse_id"]);
  EXPECT_EQ(after["ship_to"][1]["code"], "DOCK2");
  EXPECT_EQ(after["ship_to"][1]["name"], "Dock two");
  EXPECT_TRUE(after["ship_to"][1].contains("preferred_warehouse_id"));
  EXPECT_EQ(Get("C-1"), after);

  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.update' "
                         "AND actor = 'user:arclerk' AND before_json IS NOT NULL "
                         "AND after_json IS NOT NULL"),
            1);
  auto events = Call("integration", "GET", "/api/v1/events?type=customer.updated");
  ASSERT_EQ(events.status, 200) << events.body;
  json items = events.Json()["items"];
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["payload"]["code"], "C-1");
  EXPECT_EQ(items[0]["payload"]["version"], 2);
  EXPECT_EQ(items[0]["payload"]["changed"],
            json::parse(R"(["bill_to", "credit_limit", "name", "on_hold", "price_tier",
                            "ship_to"])"));
}

TEST_F(CustomersApiTest, PatchWithIfMatchAnswers412WhenStale) {
  std::string id = IdOf("C-2");
  auto ok = Call("manager", "PATCH", "/api/v1/customers/" + id, R"({"salesperson": "ann"})",
                 {{"If-Match", "\"1\""}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.Json()["version"], 2);

  auto before = db_.Snapshot();
  json current = Get("C-2");
  auto stale = Call("manager", "PATCH", "/api/v1/customers/" + id, R"({"salesperson": "bob"})",
                    {{"If-Match", "1"}});
  EXPECT_TRUE(IsProblem(stale, 412, "precondition_failed"));
  EXPECT_TRUE(IsProblem(Call("manager", "PATCH", "/api/v1/customers/C-2",
                             R"({"salesperson": "bob"})", {{"If-Match", "soon"}}),
                        400, "invalid_argument"));
  EXPECT_EQ(Get("C-2"), current);
  EXPECT_EQ(db_.Snapshot(), before);

  auto fresh = Call("manager", "PATCH", "/api/v1/customers/C-2", R"({"salesperson": "bob"})",
                    {{"If-Match", "W/\"2\""}});
  ASSERT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_EQ(fresh.Json()["salesperson"], "bob");
  EXPECT_EQ(fresh.Json()["version"], 3);
}

TEST_F(CustomersApiTest, PatchRejectsBadChangesAndChangesNothing) {
  auto before = db_.Snapshot();
  json customer = Get("C-1");
  auto types = Call("manager", "PATCH", "/api/v1/customers/C-1",
                    R"({"code": "C-NEW", "name": null, "credit_limit": "lots",
                        "bill_to": {"city": null}, "ship_to": [{"city": "x"}, 7],
                        "on_hold": "no", "price_tier": 3})");
  ASSERT_TRUE(IsProblem(types, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(types),
            (std::set<std::pair<std::string, std::string>>{{"code", "unknown_field"},
                                                           {"name", "invalid_type"},
                                                           {"credit_limit", "invalid_amount"},
                                                           {"bill_to/city", "invalid_type"},
                                                           {"ship_to/0/code", "required"},
                                                           {"ship_to/1", "invalid_type"},
                                                           {"on_hold", "invalid_type"},
                                                           {"price_tier", "invalid_type"}}));

  auto rules = Call("manager", "PATCH", "/api/v1/customers/C-1",
                    R"({"name": "", "credit_limit": "-5", "payment_terms": "NET7",
                        "price_tier": "PLATINUM",
                        "ship_to": [{"code": "MAIN", "preferred_warehouse": "W9"},
                                    {"code": "NEW", "city": "a"}, {"code": "NEW"}]})");
  ASSERT_TRUE(IsProblem(rules, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(rules), (std::set<std::pair<std::string, std::string>>{
                                    {"name", "required"},
                                    {"credit_limit", "out_of_range"},
                                    {"payment_terms", "unknown_terms"},
                                    {"price_tier", "unknown_price_tier"},
                                    {"ship_to/0/preferred_warehouse", "unknown_warehouse"},
                                    {"ship_to/2/code", "duplicate"}}));
  EXPECT_TRUE(IsProblem(Call("manager", "PATCH", "/api/v1/customers/C-1", "{\"name\""), 400,
                        "invalid_argument"));
  EXPECT_TRUE(IsProblem(Call("manager", "PATCH", "/api/v1/customers/NOPE", R"({"name": "x"})"), 404,
                        "not_found"));
  EXPECT_TRUE(IsProblem(Call("manager", "PATCH", "/api/v1/customers/777", R"({"name": "x"})"), 404,
                        "not_found"));
  EXPECT_EQ(Get("C-1"), customer);
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(CustomersApiTest, PatchNullClearsTierAndPreferredWarehouse) {
  db_.SaveTier("GOLD", 500);
  ASSERT_EQ(Call("manager", "PATCH", "/api/v1/customers/C-1", R"({"price_tier": "GOLD"})").status,
            200);
  ASSERT_TRUE(Get("C-1")["ship_to"][0].contains("preferred_warehouse_id"));
  auto r =
      Call("manager", "PATCH", "/api/v1/customers/C-1",
           R"({"price_tier": null, "ship_to": [{"code": "MAIN", "preferred_warehouse": null}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.Json()["price_tier"].is_null());
  EXPECT_FALSE(r.Json()["ship_to"][0].contains("preferred_warehouse_id"));
  EXPECT_EQ(r.Json()["ship_to"][0]["name"], "Main dock");
  EXPECT_EQ(r.Json()["version"], 3);
}

TEST_F(CustomersApiTest, PatchThatChangesNothingWritesNothing) {
  json customer = Get("C-1");
  auto before = db_.Snapshot();
  for (const std::string& body :
       {std::string("{}"), std::string(R"({"name": "Customer C-1", "credit_limit": "10000",
                                           "ship_to": [{"code": "MAIN", "name": "Main dock"}]})")}) {
    auto r = Call("manager", "PATCH", "/api/v1/customers/C-1", body, {{"If-Match", "1"}});
    ASSERT_EQ(r.status, 200) << body << r.body;
    EXPECT_EQ(r.Json(), customer);
  }
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(CustomersApiTest, CreditPositionCountsOpenOrders) {
  auto fresh = Call("arclerk", "GET", "/api/v1/customers/C-1/credit");
  ASSERT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_EQ(fresh.Json(), json::parse(R"({"customer": "C-1", "credit_limit": "10000.00",
      "open_orders": "0.00", "open_receivables": "0.00", "exposure": "0.00",
      "available_credit": "10000.00", "on_hold": false})"));

  auto placed = db_.Place(test_support::OrderFor("C-1", {{"WID-100", "10"}, {"WID-200", "3"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  auto credit = Call("portal", "GET", "/api/v1/customers/" + IdOf("C-1") + "/credit");
  ASSERT_EQ(credit.status, 200) << credit.body;
  json body = credit.Json();
  EXPECT_EQ(body["open_orders"], "55.00");  // 10 x 2.50 + 3 x 10.00
  EXPECT_EQ(body["exposure"], "55.00");
  EXPECT_EQ(body["available_credit"], "9945.00");
  EXPECT_EQ(Call("sales", "GET", "/api/v1/customers/C-2/credit").Json()["open_orders"], "0.00");
}

}  // namespace
}  // namespace ordo::api::testing
