// Price lists, contracts, promotions and a customer's pricing over real HTTP: created and
// changed by the sales manager (If-Match), read by sales, refused to others; every bad field
// at once; and what they decide shows on the quote and on the order placed from it, explained.
#include <gtest/gtest.h>

#include <string>

#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class PricingRulesApiTest : public OrdersApiTest {
 protected:
  void SetUp() override {
    OrdersApiTest::SetUp();
    ASSERT_EQ(Call("admin", "POST", "/api/v1/product-lines",
                   R"({"code": "FAST", "name": "Fasteners", "min_margin_percent": "10"})")
                  .status,
              201);
  }
  json Created(const std::string& path, const std::string& body) {
    auto r = Call("manager", "POST", path, body);
    EXPECT_EQ(r.status, 201) << path << " " << r.body;
    return r.status == 201 ? r.Json() : json::object();
  }
};

TEST_F(PricingRulesApiTest, RulesDecideTheQuoteAndTheOrderWithTheirExplanation) {
  json list = Created("/api/v1/price-lists", R"({"code": "PL-1", "name": "Contractors",
      "valid_from": "2000-01-01", "prices": [{"sku": "WID-100", "unit_price": "2.40"}],
      "breaks": [{"sku": "WID-100", "min_quantity": 100, "unit_price": "2.00"},
                 {"product_line": "FAST", "min_quantity": 5, "discount_percent": "1"}]})");
  EXPECT_EQ(list["prices"], json::parse(R"([{"sku": "WID-100", "unit_price": "2.4000"}])"));
  EXPECT_EQ(list["breaks"][0]["unit_price"], "2.0000");
  EXPECT_EQ(list["breaks"][1]["discount_percent"], "1.00");
  EXPECT_EQ(list["valid_to"], nullptr);
  auto set = Call("manager", "PUT", "/api/v1/customers/C-1/pricing",
                  R"({"price_list": "PL-1", "pricing_group": "CONTRACTORS"})");
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(set.Json()["price_list"], "PL-1");
  Created("/api/v1/contracts", R"({"code": "K-17", "customer": "C-1", "start_date": "2000-01-01",
      "end_date": "2999-03-31", "terms": [{"sku": "WID-200", "unit_price": "8.00"}]})");
  Created("/api/v1/promotions", R"({"code": "SPRING-10", "name": "Spring", "start_date":
      "2000-01-01", "end_date": "2999-12-31", "customer_group": "CONTRACTORS",
      "discount_percent": 10, "stacking": "stacks"})");
  Created("/api/v1/promotions", R"({"code": "ZAP", "start_date": "2000-01-01", "end_date":
      "2999-12-31", "sku": "WID-200", "amount_off": "5.00", "stacking": "exclusive"})");

  const std::string lines =
      R"([{"sku": "WID-100", "quantity": 100}, {"sku": "WID-100", "quantity": 1},
          {"sku": "WID-200", "quantity": 2},
          {"sku": "WID-200", "quantity": 1, "unit_price": "9.25", "override_reason": "matched"}])";
  auto q = Call("sales", "POST", "/api/v1/pricing/quote",
                R"({"customer": "C-1", "lines": )" + lines + "}");
  ASSERT_EQ(q.status, 200) << q.body;
  json quote = q.Json();
  EXPECT_EQ(quote["price_list"], "PL-1");
  EXPECT_EQ(quote["customer_group"], "CONTRACTORS");
  const char* want[][3] = {
      {"1.8000", "promotion:SPRING-10", "break 100+ at 2.00, then promotion SPRING-10 -10%"},
      {"2.1600", "promotion:SPRING-10", "price list PL-1 at 2.40, then promotion SPRING-10 -10%"},
      // The exclusive 5.00 off list (10.00) beats the contract's 8.00 less 10%.
      {"5.0000", "promotion:ZAP", "promotion ZAP -5.00 off list price 10.00"},
      // A manual price stands whatever the rules give, on the quote as on the order.
      {"9.2500", "manual", "manual price"},
  };
  for (size_t i = 0; i < std::size(want); ++i) {
    EXPECT_EQ(quote["lines"][i]["unit_price"], want[i][0]) << i;
    EXPECT_EQ(quote["lines"][i]["price_source"], want[i][1]) << i;
    EXPECT_EQ(quote["lines"][i]["price_explanation"], want[i][2]) << i;
  }

  // The same basket placed: the same prices, and the explanation on every line it shows.
  json order = Place("sales", OrderBody("C-1", lines));
  ASSERT_TRUE(order.contains("lines"));
  json shown = Call("sales", "GET", "/api/v1/orders/" + IdOf(order)).Json();
  for (size_t i = 0; i < std::size(want); ++i) {
    EXPECT_EQ(shown["lines"][i]["unit_price"], want[i][0]) << i;
    EXPECT_EQ(shown["lines"][i]["price_source"], want[i][1]) << i;
    EXPECT_EQ(shown["lines"][i]["price_explanation"], want[i][2]) << i;
  }
  EXPECT_EQ(shown["subtotal"], quote["subtotal"]);
  EXPECT_EQ(shown["tax"], quote["tax"]);

  // A date before the rules: list prices. The quote wrote nothing.
  auto before = db_.Snapshot();
  json old = Call("sales", "POST", "/api/v1/pricing/quote",
                  R"({"customer": "C-1", "date": "1999-12-31", "lines": )" + lines + "}")
                 .Json();
  EXPECT_EQ(old["date"], "1999-12-31");
  EXPECT_EQ(old["lines"][0]["price_source"], "list");
  EXPECT_EQ(db_.Snapshot(), before);
  EXPECT_TRUE(Consistent());
}

TEST_F(PricingRulesApiTest, ChangesNeedTheCurrentVersion) {
  json k = Created("/api/v1/contracts", R"({"code": "K-1", "customer": "C-1", "start_date":
      "2026-01-01", "end_date": "2026-12-31", "terms": [{"sku": "WID-100", "discount_percent":
      "12.5"}]})");
  EXPECT_EQ(k["terms"][0]["discount_percent"], "12.50");
  auto stale = Call("manager", "PATCH", "/api/v1/contracts/K-1", R"({"end_date": "2027-03-31"})",
                    {{"If-Match", "\"7\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  auto changed = Call("manager", "PATCH", "/api/v1/contracts/K-1",
                      R"({"end_date": "2027-03-31", "terms": [{"product_line": "FAST",
                          "unit_price": "1.00"}]})",
                      {{"If-Match", "\"1\""}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json()["version"], 2);
  EXPECT_EQ(changed.Json()["end_date"], "2027-03-31");
  EXPECT_EQ(changed.Json()["terms"][0]["product_line"], "FAST");
  EXPECT_EQ(changed.Json()["terms"][0]["sku"], nullptr);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/contracts?customer=C-1").Json()["items"].size(), 1u);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/contracts?customer=C-2").Json()["items"].size(), 0u);

  json p = Created("/api/v1/promotions", R"({"code": "P-1", "start_date": "2026-01-01",
      "end_date": "2026-02-01", "sku": "WID-100", "discount_percent": 5, "stacking": "stacks"})");
  auto promo = Call("manager", "PATCH", "/api/v1/promotions/P-1",
                    R"({"sku": null, "customer_group": "VIP", "stacking": "exclusive"})",
                    {{"If-Match", "\"1\""}});
  ASSERT_EQ(promo.status, 200) << promo.body;
  EXPECT_EQ(promo.Json()["sku"], nullptr);
  EXPECT_EQ(promo.Json()["customer_group"], "VIP");
  EXPECT_EQ(promo.Json()["stacking"], "exclusive");
  auto list = Created("/api/v1/price-lists",
                      R"({"code": "PL-2", "name": "Two", "valid_from": "2026-01-01"})");
  auto renamed = Call("manager", "PATCH", "/api/v1/price-lists/PL-2",
                      R"({"name": "Second", "valid_to": "2026-06-30"})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json()["valid_to"], "2026-06-30");
  EXPECT_EQ(Call("sales", "GET", "/api/v1/price-lists").Json()["items"][0]["name"], "Second");
}

TEST_F(PricingRulesApiTest, EveryBadFieldAtOnceAndNothingWritten) {
  auto before = db_.Snapshot();
  auto r = Call("manager", "POST", "/api/v1/contracts",
                R"({"code": "bad code", "customer": "NOPE", "start_date": "2026-02-30",
                    "end_date": "2026-01-01", "terms": [{"sku": "WID-100"}, {}]})");
  EXPECT_EQ(r.status, 400) << r.body;
  auto errors = FieldErrors(r);
  EXPECT_TRUE(errors.contains({"start_date", "invalid_date"})) << r.body;
  EXPECT_TRUE(errors.contains({"terms/0/unit_price", "required"})) << r.body;
  EXPECT_TRUE(errors.contains({"terms/1/sku", "required"})) << r.body;
  auto unknown = Call("manager", "POST", "/api/v1/contracts",
                      R"({"code": "bad code", "customer": "NOPE", "start_date": "2026-02-01",
                          "end_date": "2026-01-01", "terms": [{"sku": "NO-SKU", "unit_price": 1},
                          {"sku": "WID-100", "discount_percent": 101}]})");
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  errors = FieldErrors(unknown);
  EXPECT_TRUE(errors.contains({"terms/1/discount_percent", "out_of_range"})) << unknown.body;
  auto resolved = Call("manager", "POST", "/api/v1/contracts",
                       R"({"code": "bad code", "customer": "NOPE", "start_date": "2026-02-01",
                           "end_date": "2026-01-01", "terms": [{"sku": "NO-SKU", "unit_price": 1}]})");
  EXPECT_EQ(resolved.status, 400) << resolved.body;
  errors = FieldErrors(resolved);
  EXPECT_TRUE(errors.contains({"customer", "unknown_customer"})) << resolved.body;
  EXPECT_TRUE(errors.contains({"terms/0/sku", "unknown_sku"})) << resolved.body;
  auto line = Call("manager", "POST", "/api/v1/promotions",
                   R"({"code": "P", "start_date": "2026-01-01", "end_date": "2026-02-01",
                       "product_line": "NO-LINE", "amount_off": 1, "stacking": "stacks"})");
  EXPECT_EQ(line.status, 400) << line.body;
  EXPECT_TRUE(FieldErrors(line).contains({"product_line", "unknown_product_line"})) << line.body;
  auto promo = Call("manager", "POST", "/api/v1/promotions",
                    R"({"code": "P", "start_date": "2026-01-01", "end_date": "2026-02-01",
                        "discount_percent": 5, "amount_off": 1, "stacking": "sometimes"})");
  EXPECT_EQ(promo.status, 400) << promo.body;
  errors = FieldErrors(promo);
  EXPECT_TRUE(errors.contains({"stacking", "invalid_value"})) << promo.body;
  EXPECT_TRUE(errors.contains({"discount_percent", "conflict"})) << promo.body;
  EXPECT_EQ(
      Call("manager", "PUT", "/api/v1/customers/C-1/pricing", R"({"price_list": "NONE"})").status,
      400);
  EXPECT_EQ(db_.Snapshot(), before);

  Created("/api/v1/price-lists", R"({"code": "PL-1", "name": "One", "valid_from": "2026-01-01"})");
  EXPECT_EQ(Call("manager", "POST", "/api/v1/price-lists",
                 R"({"code": "PL-1", "name": "Again", "valid_from": "2026-01-01"})")
                .status,
            409);
}

TEST_F(PricingRulesApiTest, SalesReadTheManagerWrites) {
  const std::string body = R"({"code": "PL-9", "name": "Nine", "valid_from": "2026-01-01"})";
  EXPECT_EQ(Call("sales", "POST", "/api/v1/price-lists", body).status, 403);
  EXPECT_EQ(Call("warehouse", "GET", "/api/v1/price-lists").status, 403);
  EXPECT_EQ(Call("portal", "GET", "/api/v1/promotions").status, 403);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/promotions").status, 200);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/customers/C-1/pricing").status, 200);
  EXPECT_EQ(Call("admin", "POST", "/api/v1/price-lists", body).status, 201);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/price-lists/PL-9").status, 200);
  EXPECT_EQ(Call("sales", "GET", "/api/v1/price-lists/PL-0").status, 404);
}

}  // namespace
}  // namespace ordo::api::testing
