// Price tiers over real HTTP: GET/POST /api/v1/price-tiers. A tier is created or replaced by
// its code, its discount is a percentage with two decimals, and orders priced afterwards use it.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api/api_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class PriceTiersApiTest : public ApiTest {};

TEST_F(PriceTiersApiTest, CreateListAndReplace) {
  auto created = Call("admin", "POST", "/api/v1/price-tiers",
                      R"({"code": "GOLD", "name": "Gold", "discount_percent": "12.5"})");
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(created.Json(), json::parse(R"({"code": "GOLD", "name": "Gold",
                                            "discount_percent": "12.50"})"));
  ASSERT_EQ(Call("admin", "POST", "/api/v1/price-tiers",
                 R"({"code": "BRONZE", "name": "Bronze", "discount_percent": 2})")
                .status,
            200);
  auto replaced = Call("admin", "POST", "/api/v1/price-tiers",
                       R"({"code": "GOLD", "name": "Gold plus", "discount_percent": "15.25"})");
  ASSERT_EQ(replaced.status, 200) << replaced.body;

  auto list = Call("sales", "GET", "/api/v1/price-tiers");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(list.Json(), json::parse(R"({"items": [
      {"code": "BRONZE", "name": "Bronze", "discount_percent": "2.00"},
      {"code": "GOLD", "name": "Gold plus", "discount_percent": "15.25"}],
      "next_cursor": null})"));
}

TEST_F(PriceTiersApiTest, OrdersArePricedWithTheTierAsSaved) {
  ASSERT_EQ(Call("admin", "POST", "/api/v1/price-tiers",
                 R"({"code": "GOLD", "name": "Gold", "discount_percent": "10"})")
                .status,
            200);
  ASSERT_EQ(Call("admin", "PATCH", "/api/v1/customers/C-1", R"({"price_tier": "GOLD"})").status,
            200);
  auto order = Call("sales", "POST", "/api/v1/orders",
                    R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 1}]})");
  ASSERT_EQ(order.status, 201) << order.body;
  EXPECT_EQ(order.Json()["lines"][0]["unit_price"], "9.0000");
}

TEST_F(PriceTiersApiTest, BadTiersAreRefusedWithEveryField) {
  auto before = db_.Snapshot();
  auto r = Call("admin", "POST", "/api/v1/price-tiers",
                R"({"code": "", "name": 5, "discount_percent": "12.345", "colour": "red"})");
  ASSERT_TRUE(IsProblem(r, 400, "invalid_argument"));
  std::set<std::string> fields;
  const json body = r.Json();
  for (const auto& e : body["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"code", "name", "discount_percent", "colour"}))
      << r.body;
  for (const char* discount : {"-1", "100.01", "\"ten\""}) {
    auto bad =
        Call("admin", "POST", "/api/v1/price-tiers",
             std::string(R"({"code": "X", "name": "X", "discount_percent": )") + discount + "}");
    EXPECT_TRUE(IsProblem(bad, 400, "invalid_argument")) << discount;
  }
  EXPECT_EQ(db_.Snapshot(), before);
}

TEST_F(PriceTiersApiTest, OnlyTheAdministratorSavesTiers) {
  const std::string gold = R"({"code": "GOLD", "name": "Gold", "discount_percent": "10"})";
  auto before = db_.Snapshot();
  EXPECT_TRUE(IsProblem(Call("", "POST", "/api/v1/price-tiers", gold), 401, "unauthenticated"));
  for (const char* user : {"sales", "manager", "arclerk", "warehouse", "integration"}) {
    EXPECT_TRUE(IsProblem(Call(user, "POST", "/api/v1/price-tiers", gold), 403, "forbidden"))
        << user;
  }
  EXPECT_TRUE(IsProblem(Call("portal", "GET", "/api/v1/price-tiers"), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Call("warehouse", "GET", "/api/v1/price-tiers"), 403, "forbidden"));
  EXPECT_EQ(db_.Snapshot(), before);
}

}  // namespace
}  // namespace ordo::api::testing
