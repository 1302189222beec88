// Customer scope over every route the API has, generated from the router (issue 12).
//
// A user bound to a customer may also hold a staff role (its EDI integration user, or an
// account set up by mistake). For such a user with each role, every route the router has is
// called with another customer's ids and bodies: a route that is not a portal operation answers
// 403, a portal operation never shows the other customer's documents, and nothing is written.
// The same users' portal operations on their own customer still work. A route added later is
// covered without touching this file, unless its path parameters need a sample here (the test
// then fails and says which).
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "api/api_routes.h"
#include "api/openapi_answers.h"
#include "api/orders_fixture.h"
#include "auth/auth_fixture.h"
#include "auth/tokens.h"
#include "http/test_server.h"
#include "telemetry/metrics.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

// One customer's documents, made by staff: an order shipped and invoiced, part paid, one unit
// returned and credited; an order on a credit hold; and a quote.
struct Documents {
  std::string customer;
  std::string order_id;
  std::string order_number;
  std::string held_order_id;
  std::string shipment;
  std::string invoice;
  std::string payment;
  std::string rma;
  std::string memo;
  std::string quote;  // open, for the customer

  // Every number and code that names one of these documents, quoted as JSON shows it.
  std::vector<std::string> Markers() const {
    std::vector<std::string> out;
    for (const std::string* s :
         {&customer, &order_number, &shipment, &invoice, &payment, &rma, &memo, &quote}) {
      out.push_back("\"" + *s + "\"");
    }
    return out;
  }
};

// Routes that need no credentials (docs/api.md).
bool IsPublic(const http::RouteInfo& route) {
  return route.pattern == "/healthz" || route.pattern == "/readyz" ||
         (route.method == "POST" && route.pattern == "/api/v1/auth/token");
}

class CustomerScopeTest : public OrdersApiTest {
 protected:
  void SetUp() override {
    OrdersApiTest::SetUp();
    c1_ = MakeDocuments("C-1");
    c2_ = MakeDocuments("C-2");
    // The whole API, /metrics included (the fixture's server has no metrics).
    full_ctx_ = std::make_unique<ApiContext>(*ctx_);
    full_ctx_->metrics = &metrics_;
    http::Router router;
    AddApiRoutes(router, *full_ctx_);
    routes_ = router.Routes();
    full_server_ = http::testing::StartServer(std::move(router));
    for (const auto& role :
         {"admin", "sales", "sales_manager", "warehouse", "ar_clerk", "integration"}) {
      std::string name = std::string("c1-") + role;
      auth::Principal p = test_support::AddUser(db_, name, name + "-pass-phrase-1",
                                                {"customer", role}, std::string("C-1"));
      auto token = db_.executor().RunFor<auth::IssuedToken>(
          [&](store::Connection& conn) { return auth::StoreToken(conn, p, db_.clock().Now()); });
      ASSERT_TRUE(token.ok()) << token.status().ToString();
      tokens_[name] = token->token;
      bound_users_.push_back(name);
    }
    bound_users_.push_back("portal");  // the customer role alone
  }

  void TearDown() override {
    full_server_.reset();
    OrdersApiTest::TearDown();
  }

  json Ok(const std::string& user, const std::string& method, const std::string& target,
          const std::string& body, int status) {
    auto r = Call(user, method, target, body);
    EXPECT_EQ(r.status, status) << method << " " << target << ": " << r.body;
    return r.status == status ? r.Json() : json::object();
  }

  Documents MakeDocuments(const std::string& customer) {
    Documents d;
    d.customer = customer;
    json order = Place("sales", OrderBody(customer, R"([{"sku": "WID-100", "quantity": 10}])"));
    d.order_id = IdOf(order);
    d.order_number = order.value("number", "");
    json held = Place("sales", OrderBody(customer, R"([{"sku": "WID-200", "quantity": 1,
        "unit_price": "20000.00", "override_reason": "rush"}])"));
    EXPECT_EQ(held.value("status", ""), "on_hold");
    d.held_order_id = IdOf(held);
    json pick = Ok("warehouse", "POST", "/api/v1/shipments",
                   R"({"order": ")" + d.order_number + R"(", "warehouse": "W1"})", 201);
    d.shipment = pick.value("number", "");
    json shipped = Ok("warehouse", "POST", "/api/v1/shipments/" + d.shipment + "/confirm",
                      R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z",
                          "packages": [{"weight": "1"}]})",
                      200);
    d.invoice = shipped.value("invoice", "");
    json payment = Ok("arclerk", "POST", "/api/v1/payments",
                      R"({"customer": ")" + customer +
                          R"(", "amount": "5.00", "method": "check", "applications":
                          [{"invoice": ")" +
                          d.invoice + R"(", "amount": "5.00"}]})",
                      201);
    d.payment = payment.value("number", "");
    json rma = Ok("sales", "POST", "/api/v1/returns", ReturnBody(d), 201);
    d.rma = rma.value("number", "");
    json received = Ok("warehouse", "POST", "/api/v1/returns/" + d.rma + "/receive",
                       R"({"warehouse": "W1", "lines": [{"line_no": 1, "quantity": 1,
                           "disposition": "restock"}]})",
                       200);
    d.memo = received["credit_memo"].value("number", "");
    json quote = Ok("sales", "POST", "/api/v1/quotes",
                    OrderBody(customer, R"([{"sku": "WID-200", "quantity": 2}])"), 201);
    d.quote = quote.value("number", "");
    return d;
  }

  static std::string ReturnBody(const Documents& d) {
    return R"({"order": ")" + d.order_number +
           R"(", "lines": [{"line_no": 1, "quantity": 1, "reason": "damaged"}]})";
  }

  // `pattern` with every path parameter naming one of `d`'s documents, or "" (after a test
  // failure) for a parameter this test has no sample for.
  static std::string Fill(const std::string& pattern, const Documents& d) {
    static const std::map<std::string, std::string Documents::*> kRefs = {
        {"orders", &Documents::order_id},    {"shipments", &Documents::shipment},
        {"invoices", &Documents::invoice},   {"payments", &Documents::payment},
        {"returns", &Documents::rma},        {"credit-memos", &Documents::memo},
        {"customers", &Documents::customer}, {"quotes", &Documents::quote},
    };
    std::string out;
    std::string previous;
    bool holds = pattern.find("/holds/") != std::string::npos;
    size_t at = 1;
    while (at <= pattern.size()) {
      size_t end = pattern.find('/', at);
      if (end == std::string::npos) end = pattern.size();
      std::string segment = pattern.substr(at, end - at);
      if (segment.starts_with("{")) {
        std::string name = segment.substr(1, segment.find('}') - 1);
        std::string suffix = segment.substr(segment.find('}') + 1);
        std::string value;
        if (name == "kind") {
          value = "credit";
        } else if (name == "ref" && holds && previous == "orders") {
          value = d.held_order_id;
        } else if (name == "ref" && kRefs.contains(previous)) {
          value = d.*kRefs.at(previous);
        } else if (name == "ref" && previous == "items") {
          value = "WID-100";  // the catalog is the same for every customer
        } else if (name == "ref" && previous == "configurators") {
          value = "1";  // staff only: the scope gate refuses it before it reads this
        } else if (name == "ref" && previous == "warehouses") {
          value = "W1";
        } else if (name == "ref" && previous == "users") {
          value = "admin";  // an admin's route: the scope gate refuses it before it reads this
        } else if (name == "id" && previous == "api-keys") {
          value = "1";
        } else if (name == "code" && previous == "product-lines") {
          value = "FAST";  // catalog reference data, the same for every customer
        } else if (name == "ref" && (previous == "price-lists" || previous == "contracts" ||
                                     previous == "promotions")) {
          value = "PL-1";  // pricing rules: staff routes, refused before anything is read
        } else if (name == "part" && previous == "part-numbers") {
          value = "PN-1";
        } else if (name == "id" && previous == "tax-exemptions") {
          value = "1";  // a staff route: the scope gate refuses it before it reads this
        } else if (name == "code" && previous == "approval-rules") {
          value = "CREDIT-LIMIT";  // staff routes: the scope gate refuses them before any read
        } else if (name == "id" && previous == "approvals") {
          value = "1";
        } else if (name == "n" && previous == "versions") {
          value = "1";  // a quote's first version
        } else {
          ADD_FAILURE() << "no sample for {" << name << "} in " << pattern
                        << ": add one to CustomerScopeTest::Fill";
          return "";
        }
        segment = value + suffix;
      }
      out += "/" + segment;
      previous = segment;
      at = end + 1;
    }
    return out;
  }

  // A request body that aims at `d`'s customer, for the routes that take one.
  static std::string BodyFor(const http::RouteInfo& route, const Documents& d) {
    const std::string key = route.method + " " + route.pattern;
    if (key == "POST /api/v1/orders") {
      return OrderBody(d.customer, R"([{"sku": "WID-100", "quantity": 1}])");
    }
    if (key == "POST /api/v1/returns") return ReturnBody(d);
    if (key == "POST /api/v1/payments") {
      return R"({"customer": ")" + d.customer + R"(", "amount": "1.00", "method": "check"})";
    }
    if (key == "POST /api/v1/payments/{ref}/apply" ||
        key == "POST /api/v1/credit-memos/{ref}/apply") {
      return R"({"applications": [{"invoice": ")" + d.invoice + R"(", "amount": "1.00"}]})";
    }
    if (key == "POST /api/v1/credit-memos/{ref}/refund") {
      return R"({"amount": "1.00", "method": "check"})";
    }
    if (key == "PATCH /api/v1/customers/{ref}") return R"({"on_hold": true})";
    if (key == "POST /api/v1/shipments") {
      return R"({"order": ")" + d.order_number + R"(", "warehouse": "W1"})";
    }
    if (key == "POST /api/v1/orders/{ref}/cancel" || key == "POST /api/v1/shipments/{ref}/cancel") {
      return R"({"reason": "not wanted"})";
    }
    if (key == "POST /api/v1/returns/{ref}/receive") {
      return R"({"warehouse": "W1", "lines": [{"line_no": 1, "quantity": 1,
                 "disposition": "restock"}]})";
    }
    if (route.method == "POST" || route.method == "PATCH") return "{}";
    return "";
  }

  http::testing::ClientResponse Send(const std::string& user, const http::RouteInfo& route,
                                     const std::string& target, const std::string& body) {
    http::testing::HeaderList headers = {{"Authorization", "Bearer " + Token(user)}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    http::testing::TestClient client(full_server_->port());
    auto r = client.Send(route.method, target, body, headers);
    // Refusals and redacted answers alike keep the published document's promise.
    for (const std::string& broken : PublishedAnswers().Check(
             route.method, target, r.status, r.Header("Content-Type").value_or(""), r.body)) {
      ADD_FAILURE() << "answer breaks the OpenAPI document: " << broken;
    }
    return r;
  }

  Documents c1_;
  Documents c2_;
  telemetry::Metrics metrics_;
  std::unique_ptr<ApiContext> full_ctx_;
  std::vector<http::RouteInfo> routes_;
  std::unique_ptr<http::Server> full_server_;
  std::vector<std::string> bound_users_;
};

TEST_F(CustomerScopeTest, EveryRouteKeepsABoundUserAwayFromAnotherCustomer) {
  ASSERT_GT(routes_.size(), 50u);
  ASSERT_TRUE(Consistent());
  for (const std::string& user : bound_users_) {
    for (const http::RouteInfo& route : routes_) {
      std::string target = Fill(route.pattern, c2_);
      if (target.empty()) continue;
      // Logout and the own password change act on the caller's own credentials only (no
      // customer's data) and would end the token this loop goes on with.
      if (target == "/api/v1/auth/token" || target == "/api/v1/auth/password") continue;
      // Lists are asked for the other customer's rows.
      if (route.method == "GET" && route.pattern.find('{') == std::string::npos &&
          route.pattern.starts_with("/api/v1/")) {
        target += "?customer=" + c2_.customer;
      }
      SCOPED_TRACE(user + ": " + route.method + " " + target);
      auto before = db_.Snapshot();
      auto r = Send(user, route, target, BodyFor(route, c2_));
      EXPECT_EQ(db_.Snapshot(), before) << "written: " << r.body;
      EXPECT_LT(r.status, 500) << r.body;
      for (const std::string& marker : c2_.Markers()) {
        EXPECT_EQ(r.body.find(marker), std::string::npos) << marker << " shown: " << r.body;
      }
      if (IsPublic(route)) continue;
      if (!full_ctx_->portal.Allows(route.method, route.pattern)) {
        EXPECT_TRUE(IsProblem(r, 403, "forbidden"));
      } else if (route.pattern.find("{ref}") != std::string::npos &&
                 !route.pattern.starts_with("/api/v1/items/")) {
        EXPECT_TRUE(IsProblem(r, 404, "not_found"));  // as if it did not exist
      } else {
        EXPECT_TRUE(r.status == 200 || r.status == 400 || r.status == 404) << r.body;
      }
    }
  }
  EXPECT_TRUE(Consistent());
}

TEST_F(CustomerScopeTest, EveryPortalOperationStillWorksOnTheUsersOwnCustomer) {
  auto portal = full_ctx_->portal.Operations();
  ASSERT_GT(portal.size(), 20u);
  for (const std::string& user : bound_users_) {
    for (const http::RouteInfo& route : portal) {
      std::string target = Fill(route.pattern, c1_);
      if (target.empty()) continue;
      // Logout and the own password change end the token this loop goes on with; the
      // credentials tests cover them for a customer-bound user.
      if (target == "/api/v1/auth/token" || target == "/api/v1/auth/password") continue;
      SCOPED_TRACE(user + ": " + route.method + " " + target);
      auto r = Send(user, route, target, BodyFor(route, c1_));
      EXPECT_EQ(r.status, route.method == "POST" ? 201 : 200) << r.body;
      if (r.status >= 300) continue;
      if (route.pattern == "/api/v1/auth/me") {
        EXPECT_EQ(r.Json()["customer_id"], CustomerId("C-1"));
        EXPECT_EQ(r.Json()["roles"], json::array({"customer"})) << "staff roles act for nothing";
      }
      if (route.pattern.find("{ref}") == std::string::npos && r.body.starts_with("{\"items\"")) {
        EXPECT_FALSE(r.Json()["items"].empty()) << "its own customer's list is empty";
      }
      for (const std::string& marker : c2_.Markers()) {
        EXPECT_EQ(r.body.find(marker), std::string::npos) << marker << " shown: " << r.body;
      }
    }
  }
  EXPECT_TRUE(Consistent());
}

// A staff role's powers inside a portal operation stay out of reach too: a manual unit price
// needs orders.override_price, which the sales role has and the customer role has not.
TEST_F(CustomerScopeTest, ABoundSalesUserCannotOverridePricesThroughThePortal) {
  auto before = db_.Snapshot();
  auto r = Call("c1-sales", "POST", "/api/v1/orders",
                OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1, "unit_price": "0.01",
                                     "override_reason": "friend"}])"));
  ASSERT_TRUE(IsProblem(r, 403, "forbidden"));
  EXPECT_EQ(FieldErrors(r),
            (std::set<std::pair<std::string, std::string>>{{"lines/0/unit_price", "forbidden"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

}  // namespace
}  // namespace ordo::api::testing
