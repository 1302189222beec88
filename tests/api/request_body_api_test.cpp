// How every route reads a request body, over real HTTP (issue 12, loose parsing): the body
// must be declared application/json (415 otherwise, on every route that takes a body, found
// from the router itself), duplicate keys and nesting beyond the limit are refused before any
// field is read, null means "no value" on every route, numbers too large are out_of_range at
// their field, and an order is bounded per line and per order in quantity and value. Every
// refusal is problem+json with its code and field, and changes nothing.
#include <gtest/gtest.h>

#include <string>

#include "api/api_routes.h"
#include "api/orders_fixture.h"
#include "http/router.h"

namespace ordo::api::testing {
namespace {

using Errors = std::set<std::pair<std::string, std::string>>;

std::string kTen() {
  return OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])");
}

class RequestBodyApiTest : public OrdersApiTest {
 protected:
  // Every (method, path) of the API whose method carries a body, with its parameters filled.
  std::vector<std::pair<std::string, std::string>> BodyRoutes() {
    http::Router router;
    AddApiRoutes(router, *ctx_);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& route : router.Routes()) {
      if (route.method != "POST" && route.method != "PATCH" && route.method != "PUT") continue;
      std::string path;
      for (size_t i = 0; i < route.pattern.size(); ++i) {
        if (route.pattern[i] == '{') {
          path += "1";
          i = route.pattern.find('}', i);
        } else {
          path += route.pattern[i];
        }
      }
      out.emplace_back(route.method, path);
    }
    return out;
  }
  http::testing::ClientResponse Send(const std::string& user, const std::string& method,
                                     const std::string& target, const std::string& body,
                                     HeaderList headers) {
    if (!user.empty()) headers.emplace_back("Authorization", "Bearer " + Token(user));
    return client_->Send(method, target, body, headers);
  }
};

TEST_F(RequestBodyApiTest, EveryRouteWithABodyRefusesOneNotSentAsJson) {
  const auto routes = BodyRoutes();
  // 24 writes (a CSV import's body is text/csv; a customer's tax exemption certificate among
  // them), the token, the credential routes (own password, reset, disable, API key), users
  // (create, change), the price quote (read-only, but its request is a body), product lines
  // (create, change), configurators (create, replace, evaluate: a read too), a customer's part
  // number (put), approval rules (create, change) and decisions (approve, reject), and the
  // pricing rules (price lists, contracts, promotions: create, change; a customer's pricing),
  // and quotes (create, revise, accept, cancel), and an order change.
  ASSERT_EQ(routes.size(), 54u);
  auto before = db_.Snapshot();
  const std::string body = R"({"username": "admin", "password": "admin-pass-phrase-1"})";
  for (const auto& [method, path] : routes) {
    for (const HeaderList& type :
         {HeaderList{{"Content-Type", "text/plain"}},
          HeaderList{{"Content-Type", "application/x-www-form-urlencoded"}}, HeaderList{},
          HeaderList{{"Content-Type", "application/jsonx"}}}) {
      auto r = Send("admin", method, path, body, type);
      EXPECT_TRUE(IsProblem(r, 415, "unsupported_media_type")) << method << " " << path;
    }
  }
  EXPECT_EQ(db_.Snapshot(), before);
  // Authentication still comes first: an anonymous caller learns nothing more.
  EXPECT_TRUE(IsProblem(Send("", "POST", "/api/v1/orders", kTen(), {}), 401, "unauthenticated"));
}

TEST_F(RequestBodyApiTest, JsonWithParametersAndAnyCaseIsAccepted) {
  for (const char* type :
       {"application/json; charset=utf-8", "Application/JSON", "application/json;charset=UTF-8"}) {
    auto token = Send("", "POST", "/api/v1/auth/token",
                      R"({"username": "sales", "password": "sales-pass-phrase-1"})",
                      {{"Content-Type", type}});
    EXPECT_EQ(token.status, 200) << type << token.body;
    auto placed = Send("sales", "POST", "/api/v1/orders", kTen(), {{"Content-Type", type}});
    EXPECT_EQ(placed.status, 201) << type << placed.body;
  }
  // A route whose body is optional takes an empty one without a type.
  auto order = Place("sales", kTen());
  auto release =
      Send("manager", "POST", "/api/v1/orders/" + IdOf(order) + "/holds/credit/release", "", {});
  EXPECT_TRUE(IsProblem(release, 409, "invalid_state")) << release.body;
}

TEST_F(RequestBodyApiTest, DuplicateKeysAreRefusedWithTheirPath) {
  auto before = db_.Snapshot();
  auto top = Call("sales", "POST", "/api/v1/orders",
                  R"({"customer": "C-1", "customer": "C-2",
                      "lines": [{"sku": "WID-100", "quantity": 1}]})");
  ASSERT_TRUE(IsProblem(top, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(top), (Errors{{"customer", "duplicate_key"}}));
  auto deep = Call("sales", "POST", "/api/v1/orders",
                   OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1},
                                        {"sku": "WID-100", "quantity": 1, "quantity": 900}])"));
  EXPECT_EQ(FieldErrors(deep), (Errors{{"lines/1/quantity", "duplicate_key"}}));
  auto token = Call("", "POST", "/api/v1/auth/token",
                    R"({"username": "sales", "password": "x", "password": "sales-pass-phrase-1"})");
  ASSERT_TRUE(IsProblem(token, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(token), (Errors{{"password", "duplicate_key"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(RequestBodyApiTest, NestingBeyondTheLimitIsTooDeepOnEveryRouteTheTokenIncluded) {
  const std::string deep = std::string(500'000, '[') + std::string(500'000, ']');
  auto token =
      Call("", "POST", "/api/v1/auth/token",
           R"({"username": "sales", "password": "sales-pass-phrase-1", "x": )" + deep + "}");
  ASSERT_TRUE(IsProblem(token, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(token), (Errors{{"", "too_deep"}}));
  auto order = Call("sales", "POST", "/api/v1/orders",
                    R"({"customer": "C-1", "lines": )" + std::string(10'000, '[') + "}");
  EXPECT_EQ(FieldErrors(order), (Errors{{"", "too_deep"}}));
  // Within the limit, the unknown field is named as before.
  auto shallow = Call("", "POST", "/api/v1/auth/token",
                      R"({"username": "sales", "password": "sales-pass-phrase-1", "x": [[[1]]]})");
  EXPECT_EQ(FieldErrors(shallow), (Errors{{"x", "unknown_field"}}));
}

TEST_F(RequestBodyApiTest, NullMeansNoValueOnEveryRoute) {
  // Optional fields: null is their default. Before, "channel": null was "required" on orders.
  auto placed = Call("sales", "POST", "/api/v1/orders",
                     R"({"customer": "C-1", "channel": null, "currency": null, "ship_to": null,
                         "po_number": null, "requested_date": null,
                         "lines": [{"sku": "WID-100", "quantity": 1, "uom": null}]})");
  ASSERT_EQ(placed.status, 201) << placed.body;
  EXPECT_EQ(placed.Json()["channel"], "api");
  // Required fields: null is "required", on the token route as everywhere.
  auto token = Call("", "POST", "/api/v1/auth/token", R"({"username": null, "password": "x"})");
  EXPECT_EQ(FieldErrors(token), (Errors{{"username", "required"}}));
  auto line = Call("sales", "POST", "/api/v1/orders",
                   OrderBody("C-1", R"([{"sku": null, "quantity": null}])"));
  EXPECT_EQ(FieldErrors(line),
            (Errors{{"lines/0/sku", "required"}, {"lines/0/quantity", "required"}}));
  // PATCH: a field that cannot be cleared refuses null on items as on customers. Before, the
  // item patch ignored it and answered 200.
  auto before = db_.Snapshot();
  auto item = Call("admin", "PATCH", "/api/v1/items/WID-100",
                   R"({"name": null, "list_price": null, "active": null})");
  ASSERT_TRUE(IsProblem(item, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(item), (Errors{{"name", "invalid_type"},
                                       {"list_price", "invalid_type"},
                                       {"active", "invalid_type"}}));
  auto customer = Call("manager", "PATCH", "/api/v1/customers/C-1", R"({"name": null})");
  EXPECT_EQ(FieldErrors(customer), (Errors{{"name", "invalid_type"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(RequestBodyApiTest, NumbersTooLargeAreOutOfRangeAtTheirField) {
  auto before = db_.Snapshot();
  auto huge = Call("sales", "POST", "/api/v1/orders",
                   OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 1},
                                        {"sku": "WID-100", "quantity": 99999999999999999999}])"));
  ASSERT_TRUE(IsProblem(huge, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(huge), (Errors{{"lines/1/quantity", "out_of_range"}}));
  auto exponent = Call("arclerk", "POST", "/api/v1/payments",
                       R"({"customer": "C-1", "amount": 1e400, "method": "check"})");
  ASSERT_TRUE(IsProblem(exponent, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(exponent), (Errors{{"amount", "out_of_range"}}));
  auto amount = Call("arclerk", "POST", "/api/v1/payments",
                     R"({"customer": "C-1", "amount": 99999999999999999999, "method": "check"})");
  EXPECT_EQ(FieldErrors(amount), (Errors{{"amount", "out_of_range"}}));
  auto point =
      Call("admin", "PATCH", "/api/v1/items/WID-100", R"({"reorder_point": 99999999999999999999})");
  EXPECT_EQ(FieldErrors(point), (Errors{{"reorder_point", "out_of_range"}}));
  // Item prices are amounts like any other: at most 1,000,000,000, so price × quantity fits.
  auto price = Call("admin", "PATCH", "/api/v1/items/WID-100",
                    R"({"list_price": "2000000000", "cost": 1000000000000000})");
  EXPECT_EQ(FieldErrors(price), (Errors{{"list_price", "out_of_range"}, {"cost", "out_of_range"}}))
      << price.body;
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(RequestBodyApiTest, LineArithmeticThatWouldOverflowIsOutOfRangeNotAnEmptyProblem) {
  auto before = db_.Snapshot();
  // 1,000,000 × 9,000,000,000,000.00 does not fit in 64 bits of 1/10,000ths.
  auto r = Call("sales", "POST", "/api/v1/orders",
                OrderBody("C-1", R"([{"sku": "WID-200", "quantity": 1000000,
                                      "unit_price": "900000000000000", "override_reason": "x"}])"));
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(r), (Errors{{"lines/0/unit_price", "out_of_range"}}));
  // Each line fits, the order's value does not.
  auto sum =
      Call("sales", "POST", "/api/v1/orders", OrderBody("C-1", R"([{"sku": "WID-200", "quantity": 1,
                                        "unit_price": "600000000", "override_reason": "x"},
                                       {"sku": "WID-200", "quantity": 1,
                                        "unit_price": "600000000", "override_reason": "x"}])"));
  EXPECT_EQ(FieldErrors(sum), (Errors{{"lines/1/unit_price", "out_of_range"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(RequestBodyApiTest, StockValueThatWouldOverflowIsOutOfRangeAtTheQuantity) {
  ASSERT_EQ(Call("admin", "PATCH", "/api/v1/items/WID-200", R"({"cost": "1000000000"})").status,
            200);
  auto before = db_.Snapshot();
  // 10^12 units at 10^9 each is beyond 64 bits of 1/10,000ths: the receipt's posting cannot be
  // made, and before it answered "amount out of range" with no field.
  auto receipt = Call("warehouse", "POST", "/api/v1/inventory/receipts",
                      R"({"warehouse": "W1", "lines": [{"sku": "WID-100", "quantity": 1},
                          {"sku": "WID-200", "quantity": 1000000000000}]})");
  ASSERT_TRUE(IsProblem(receipt, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(receipt), (Errors{{"lines/1/quantity", "out_of_range"}}));
  auto adjustment = Call("warehouse", "POST", "/api/v1/inventory/adjustments",
                         R"({"warehouse": "W1", "sku": "WID-200", "quantity_delta": 1000000000000,
                             "reason": "count"})");
  EXPECT_EQ(FieldErrors(adjustment), (Errors{{"quantity_delta", "out_of_range"}}));
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(RequestBodyApiTest, QuantitiesAreBoundedPerLineAndPerOrder) {
  auto before = db_.Snapshot();
  // 250,000,000,000 cases of 12, as the probe sent.
  auto cases =
      Call("sales", "POST", "/api/v1/orders",
           OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 250000000000, "uom": "CS"}])"));
  ASSERT_TRUE(IsProblem(cases, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(cases), (Errors{{"lines/0/quantity", "out_of_range"}}));
  // 83,334 cases is 1,000,008 eaches: over the default line bound of 1,000,000.
  auto line = Call("sales", "POST", "/api/v1/orders",
                   OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 83334, "uom": "CS"}])"));
  EXPECT_EQ(FieldErrors(line), (Errors{{"lines/0/quantity", "out_of_range"}}));
  std::string lines = "[";
  for (int i = 0; i < 11; ++i) {
    lines += std::string(i ? ", " : "") + R"({"sku": "WID-200", "quantity": 1000000})";
  }
  auto order = Call("sales", "POST", "/api/v1/orders", OrderBody("C-1", lines + "]"));
  EXPECT_EQ(FieldErrors(order), (Errors{{"lines/10/quantity", "out_of_range"}}));
  EXPECT_EQ(db_.Snapshot(), before);
  // At the bound, the order is taken.
  EXPECT_EQ(Call("sales", "POST", "/api/v1/orders",
                 OrderBody("C-2", R"([{"sku": "WID-200", "quantity": 1000000}])"))
                .status,
            201);
}

TEST_F(RequestBodyApiTest, QuantityBoundsComeFromTheServerSettings) {
  ctx_->order_limits = {5, 8};  // what ordo serve sets from [orders] in its settings
  auto before = db_.Snapshot();
  auto line = Call("sales", "POST", "/api/v1/orders",
                   OrderBody("C-1", R"([{"sku": "WID-200", "quantity": 6}])"));
  EXPECT_EQ(FieldErrors(line), (Errors{{"lines/0/quantity", "out_of_range"}}));
  auto order = Call("sales", "POST", "/api/v1/orders",
                    OrderBody("C-1", R"([{"sku": "WID-200", "quantity": 5},
                                         {"sku": "WID-100", "quantity": 4}])"));
  EXPECT_EQ(FieldErrors(order), (Errors{{"lines/1/quantity", "out_of_range"}}));
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_EQ(Call("sales", "POST", "/api/v1/orders",
                 OrderBody("C-1", R"([{"sku": "WID-200", "quantity": 5},
                                      {"sku": "WID-100", "quantity": 3}])"))
                .status,
            201);
}

}  // namespace
}  // namespace ordo::api::testing
