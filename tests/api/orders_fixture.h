// OrdersApiTest: the ApiTest fixture with helpers for the order endpoints' tests.
//
// Bodies: OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 10}])") is a place-order
// request. C-2's credit limit (500.00) makes HeldBody() go on a credit hold while stock for it
// is there, so releasing the hold allocates the whole order.
#pragma once

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "api/api_fixture.h"
#include "support/invariants.h"

namespace ordo::api::testing {

inline std::string OrderBody(const std::string& customer, const std::string& lines_json,
                             const std::string& extra = "") {
  return R"({"customer": ")" + customer + R"(", "lines": )" + lines_json + extra + "}";
}

// 10 x WID-100 at a manual 60.00: 600.00 is over C-2's 500.00 limit.
inline std::string HeldBody() {
  return OrderBody(
      "C-2",
      R"([{"sku": "WID-100", "quantity": 10, "unit_price": "60.00", "override_reason": "rush"}])");
}

// The (field, code) pairs of a problem's "errors".
inline std::set<std::pair<std::string, std::string>> FieldErrors(const ClientResponse& r) {
  std::set<std::pair<std::string, std::string>> out;
  auto problem = r.Json();
  for (const auto& e : problem["errors"]) {
    out.emplace(e["field"].get<std::string>(), e["code"].get<std::string>());
  }
  return out;
}

class OrdersApiTest : public ApiTest {
 protected:
  // Places an order as `user`; fails the test unless it answers 201.
  nlohmann::json Place(const std::string& user, const std::string& body) {
    auto r = Call(user, "POST", "/api/v1/orders", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.Json() : nlohmann::json::object();
  }
  static std::string IdOf(const nlohmann::json& order) {
    return std::to_string(order.at("id").get<int64_t>());
  }
  int64_t CustomerId(const std::string& code) {
    return db_.QueryInt("SELECT id FROM customers WHERE code = '" + code + "'");
  }
  ::testing::AssertionResult Consistent() { return test_support::InvariantsHold(db_.reader()); }
};

}  // namespace ordo::api::testing
