// POST /api/v1/pricing/quote over real HTTP: a draft's lines priced for a customer with their
// price source, pack sizes and availability; line problems kept at their line; nothing written.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>

#include "api/orders_fixture.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

class PriceQuotesApiTest : public OrdersApiTest {
 protected:
  ClientResponse Quote(const std::string& user, const std::string& body) {
    return Call(user, "POST", "/api/v1/pricing/quote", body);
  }
};

TEST_F(PriceQuotesApiTest, PricesEveryLineWithItsSourcePacksAndStock) {
  db_.SaveTier("GOLD", 1000);  // 10% off list
  ASSERT_EQ(Call("manager", "PATCH", "/api/v1/customers/C-1", R"({"price_tier": "GOLD"})").status,
            200);
  auto before = db_.Snapshot();
  auto r = Quote("sales", R"({"customer": "C-1", "lines": [
      {"sku": "WID-100", "quantity": 2, "uom": "CS"}, {"sku": "WID-200", "quantity": "3"}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(db_.Snapshot(), before);
  json q = r.Json();
  EXPECT_EQ(q["customer"], "C-1");
  EXPECT_EQ(q["price_tier"], "GOLD");
  const json& widget = q["lines"][0];
  EXPECT_EQ(widget["name"], "Item WID-100");
  EXPECT_EQ(widget["uom"], "CS");
  EXPECT_EQ(widget["base_uom"], "EA");
  EXPECT_EQ(widget["base_quantity"], 24);
  EXPECT_EQ(widget["pack_sizes"], json::parse(R"([{"uom": "CS", "quantity": 12}])"));
  EXPECT_EQ(widget["unit_price"], "2.2500");
  EXPECT_EQ(widget["price_source"], "tier:GOLD");
  EXPECT_EQ(widget["extended_amount"], "54.00");
  EXPECT_EQ(widget["availability"]["total_available"], 150);
  EXPECT_EQ(widget["availability"]["warehouses"].size(), 2u);
  EXPECT_EQ(widget["errors"], json::array());
  EXPECT_EQ(q["lines"][1]["extended_amount"], "27.00");
  EXPECT_EQ(q["subtotal"], "81.00");

  // Without a tier the list price decides, as order placement would.
  json plain =
      Quote("sales", R"({"customer": "C-2", "lines": [{"sku": "WID-200", "quantity": 1}]})").Json();
  EXPECT_EQ(plain["price_tier"], nullptr);
  EXPECT_EQ(plain["lines"][0]["unit_price"], "10.0000");
  EXPECT_EQ(plain["lines"][0]["price_source"], "list");
}

TEST_F(PriceQuotesApiTest, LineProblemsStayAtTheirLineAndTheRestIsPriced) {
  auto r = Quote("sales", R"({"customer": "C-1", "lines": [
      {"sku": "NOPE-1", "quantity": 1}, {"sku": "WID-100", "quantity": "1O"},
      {"sku": "WID-100", "quantity": 1.5}, {"sku": "WID-100", "quantity": 1, "uom": "PAL"},
      {"sku": "WID-100", "quantity": 2000000}, {"sku": "WID-200", "quantity": 4},
      {"sku": "WID-200", "quantity": "0"}]})");
  ASSERT_EQ(r.status, 200) << r.body;
  json q = r.Json();
  auto only = [&](int i) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& e : q["lines"][i]["errors"]) out.emplace(e["field"], e["code"]);
    return out;
  };
  using Set = std::set<std::pair<std::string, std::string>>;
  EXPECT_EQ(only(0), (Set{{"lines/0/sku", "unknown_sku"}}));
  EXPECT_EQ(q["lines"][0]["name"], nullptr);
  EXPECT_EQ(q["lines"][0]["availability"], nullptr);
  EXPECT_EQ(only(1), (Set{{"lines/1/quantity", "invalid_quantity"}}));
  EXPECT_EQ(q["lines"][1]["unit_price"], "2.5000")
      << "a known item is priced whatever its quantity";
  EXPECT_EQ(only(2), (Set{{"lines/2/quantity", "invalid_quantity"}}));
  EXPECT_EQ(only(3), (Set{{"lines/3/uom", "unknown_uom"}}));
  EXPECT_EQ(only(4), (Set{{"lines/4/quantity", "out_of_range"}}));
  EXPECT_EQ(only(5), Set{});
  EXPECT_EQ(only(6), (Set{{"lines/6/quantity", "invalid_quantity"}}));
  EXPECT_EQ(q["subtotal"], "40.00");

  // The same line placed as an order is refused at the same field.
  auto placed = Call("sales", "POST", "/api/v1/orders",
                     OrderBody("C-1", R"([{"sku": "WID-100", "quantity": 2000000}])"));
  EXPECT_EQ(FieldErrors(placed), (Set{{"lines/0/quantity", "out_of_range"}}));
}

// A line with a manual price is priced, explained and taxed at it, as placement would; a price
// placement would refuse is that line's problem, at the field placement names.
TEST_F(PriceQuotesApiTest, AManualPriceIsPricedAtItAndItsProblemsStayAtItsLine) {
  using Set = std::set<std::pair<std::string, std::string>>;
  const std::string lines = R"([
      {"sku": "WID-100", "quantity": 2, "uom": "CS", "unit_price": "2.10",
       "override_reason": "matched a competitor"},
      {"sku": "WID-200", "quantity": 1, "unit_price": "5"},
      {"sku": "WID-200", "quantity": 1, "unit_price": -1, "override_reason": "why not"},
      {"sku": "WID-200", "quantity": 3}])";
  auto before = db_.Snapshot();
  auto r = Quote("sales", R"({"customer": "C-1", "lines": )" + lines + "}");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(db_.Snapshot(), before);
  json q = r.Json();
  const json& manual = q["lines"][0];
  EXPECT_EQ(manual["unit_price"], "2.1000");
  EXPECT_EQ(manual["price_source"], "manual");
  EXPECT_EQ(manual["price_explanation"], "manual price");
  EXPECT_EQ(manual["extended_amount"], "50.40");  // 24 EA at 2.10
  EXPECT_NE(manual["tax_amount"], nullptr);
  EXPECT_EQ(manual["errors"], json::array());
  auto only = [&](int i) {
    Set out;
    for (const auto& e : q["lines"][i]["errors"]) out.emplace(e["field"], e["code"]);
    return out;
  };
  EXPECT_EQ(only(1), (Set{{"lines/1/override_reason", "required"}}));
  EXPECT_EQ(only(2), (Set{{"lines/2/unit_price", "out_of_range"}}));
  for (int i : {1, 2}) {
    EXPECT_EQ(q["lines"][i]["unit_price"], nullptr) << i;
    EXPECT_EQ(q["lines"][i]["extended_amount"], nullptr) << i;
  }
  EXPECT_EQ(q["lines"][3]["price_source"], "list");
  EXPECT_EQ(q["subtotal"], "80.40");  // 50.40 + 3 at list 10.00

  // Placing the same lines is refused at the same fields.
  auto placed = Call("sales", "POST", "/api/v1/orders", OrderBody("C-1", lines));
  EXPECT_EQ(FieldErrors(placed),
            (Set{{"lines/1/override_reason", "required"}, {"lines/2/unit_price", "out_of_range"}}));

  // Without orders.override_price the quote is refused as the order is: 403 at the line.
  const std::string one =
      R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 1}, {"sku": "WID-100",
          "quantity": 1, "unit_price": "1", "override_reason": "r"}]})";
  auto refused = Quote("integration", one);
  EXPECT_TRUE(IsProblem(refused, 403, "forbidden")) << refused.body;
  EXPECT_EQ(FieldErrors(refused), (Set{{"lines/1/unit_price", "forbidden"}}));
  EXPECT_EQ(Quote("manager", one).status, 200);
  EXPECT_EQ(
      Quote("integration", R"({"customer": "C-1", "lines": [{"sku": "WID-200", "quantity": 1}]})")
          .status,
      200);
}

TEST_F(PriceQuotesApiTest, ABadCustomerOrLineListIsRefusedWhole) {
  using Set = std::set<std::pair<std::string, std::string>>;
  auto unknown =
      Quote("sales", R"({"customer": "C-404", "lines": [{"sku": "WID-100", "quantity": 1}]})");
  EXPECT_TRUE(IsProblem(unknown, 400, "invalid_argument"));
  EXPECT_EQ(FieldErrors(unknown), (Set{{"customer", "unknown_customer"}}));
  EXPECT_EQ(FieldErrors(Quote("sales", R"({"customer": "C-1", "lines": []})")),
            (Set{{"lines", "required"}}));
  EXPECT_EQ(FieldErrors(Quote("sales", R"({"customer": "C-1", "lines": [{"quantity": true}],
                                           "extra": 1})")),
            (Set{{"extra", "unknown_field"},
                 {"lines/0/sku", "required"},
                 {"lines/0/quantity", "invalid_type"}}));
  std::string many = R"({"customer": "C-1", "lines": [)";
  for (int i = 0; i < 1001; ++i)
    many += std::string(i ? "," : "") + R"({"sku": "WID-100", "quantity": 1})";
  EXPECT_EQ(FieldErrors(Quote("sales", many + "]}")), (Set{{"lines", "too_many"}}));
}

TEST_F(PriceQuotesApiTest, OnlyStaffWhoPlaceOrdersMayQuote) {
  const std::string body = R"({"customer": "C-1", "lines": [{"sku": "WID-100", "quantity": 1}]})";
  EXPECT_EQ(Quote("manager", body).status, 200);
  EXPECT_TRUE(IsProblem(Quote("warehouse", body), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Quote("arclerk", body), 403, "forbidden"));
  EXPECT_TRUE(IsProblem(Quote("portal", body), 403, "forbidden"));
  EXPECT_EQ(Call("", "POST", "/api/v1/pricing/quote", body).status, 401);
}

}  // namespace
}  // namespace ordo::api::testing
