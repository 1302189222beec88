// Reading place-order requests from JSON: types, unknown fields, exact decimals.
#include "requests/order_request_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "flows/order_placement.h"
#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo::requests {
namespace {

using test_support::FieldIs;
using ::testing::UnorderedElementsAre;

TEST(PlaceOrderJson, ReadsEveryField) {
  auto r = ParsePlaceOrderJson(R"({
    "customer": "C-1", "ship_to": "MAIN", "po_number": "PO-9", "channel": "edi",
    "requested_date": "2026-04-01", "allow_partial_shipment": false, "currency": "USD",
    "lines": [
      {"sku": "WID-100", "quantity": 24},
      {"sku": "BOLT-7", "quantity": "2", "uom": "CS", "unit_price": "1.50",
       "override_reason": "contract"}
    ]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->customer, "C-1");
  EXPECT_EQ(r->ship_to, "MAIN");
  EXPECT_EQ(r->po_number, "PO-9");
  EXPECT_EQ(r->channel, "edi");
  EXPECT_EQ(r->requested_date, std::optional<std::string>("2026-04-01"));
  EXPECT_FALSE(r->allow_partial_shipment);
  EXPECT_EQ(r->currency, "USD");
  ASSERT_EQ(r->lines.size(), 2u);
  EXPECT_EQ(r->lines[0].sku, "WID-100");
  EXPECT_EQ(r->lines[0].quantity, "24");
  EXPECT_EQ(r->lines[0].uom, "");
  EXPECT_EQ(r->lines[0].unit_price, std::nullopt);
  EXPECT_EQ(r->lines[1].quantity, "2");
  EXPECT_EQ(r->lines[1].uom, "CS");
  EXPECT_EQ(r->lines[1].unit_price, std::optional<std::string>("1.50"));
  EXPECT_EQ(r->lines[1].override_reason, "contract");
}

TEST(PlaceOrderJson, DefaultsForOptionalFields) {
  auto r = ParsePlaceOrderJson(
      R"({"customer": "C-1", "requested_date": null, "lines": [{"sku": "A", "quantity": 1}]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->ship_to, "");
  EXPECT_EQ(r->channel, "api");
  EXPECT_EQ(r->currency, "USD");
  EXPECT_EQ(r->requested_date, std::nullopt);
  EXPECT_TRUE(r->allow_partial_shipment);
}

TEST(PlaceOrderJson, DecimalNumbersKeepTheirExactText) {
  auto r = ParsePlaceOrderJson(R"({"customer": "C-1", "lines": [
      {"sku": "A", "quantity": 3, "unit_price": 2.1250, "override_reason": "r"},
      {"sku": "A", "quantity": 1.0, "unit_price": 0.1, "override_reason": "r"},
      {"sku": "A", "quantity": 12.50, "unit_price": 19.99, "override_reason": "r"},
      {"sku": "A", "quantity": -4, "unit_price": 0.30000000000000004, "override_reason": "r"},
      {"sku": "A", "quantity": 1e2, "unit_price": 99999999999999.9999, "override_reason": "r"}
  ]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->lines.size(), 5u);
  EXPECT_EQ(r->lines[0].unit_price, std::optional<std::string>("2.1250"));
  EXPECT_EQ(r->lines[0].quantity, "3");
  EXPECT_EQ(r->lines[1].unit_price, std::optional<std::string>("0.1"));
  EXPECT_EQ(r->lines[1].quantity, "1.0");
  EXPECT_EQ(r->lines[2].quantity, "12.50");
  EXPECT_EQ(r->lines[2].unit_price, std::optional<std::string>("19.99"));
  EXPECT_EQ(r->lines[3].quantity, "-4");
  EXPECT_EQ(r->lines[3].unit_price, std::optional<std::string>("0.30000000000000004"));
  EXPECT_EQ(r->lines[4].quantity, "1e2");
  EXPECT_EQ(r->lines[4].unit_price, std::optional<std::string>("99999999999999.9999"));
}

TEST(PlaceOrderJson, ReportsWrongTypesWithTheirPaths) {
  auto r = ParsePlaceOrderJson(R"({
    "customer": 12, "ship_to": ["MAIN"], "po_number": {}, "channel": 3,
    "requested_date": 20260401, "allow_partial_shipment": "yes", "currency": 840,
    "lines": [
      5,
      {"sku": true, "quantity": {"n": 1}, "uom": 12, "unit_price": [1],
       "override_reason": 7},
      {"sku": 2.5, "quantity": "1", "unit_price": false}
    ]})");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(
      r.status().errors(),
      UnorderedElementsAre(
          FieldIs("customer", "invalid_type"), FieldIs("ship_to", "invalid_type"),
          FieldIs("po_number", "invalid_type"), FieldIs("channel", "invalid_type"),
          FieldIs("requested_date", "invalid_type"),
          FieldIs("allow_partial_shipment", "invalid_type"), FieldIs("currency", "invalid_type"),
          FieldIs("lines/0", "invalid_type"), FieldIs("lines/1/sku", "invalid_type"),
          FieldIs("lines/1/quantity", "invalid_type"), FieldIs("lines/1/uom", "invalid_type"),
          FieldIs("lines/1/unit_price", "invalid_type"),
          FieldIs("lines/1/override_reason", "invalid_type"),
          FieldIs("lines/2/sku", "invalid_type"), FieldIs("lines/2/unit_price", "invalid_type")));
}

TEST(PlaceOrderJson, LinesMustBeAnArray) {
  auto r = ParsePlaceOrderJson(R"({"customer": "C-1", "lines": {"sku": "A"}})");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().errors(), UnorderedElementsAre(FieldIs("lines", "invalid_type")));
}

TEST(PlaceOrderJson, ReportsUnknownFieldsAtEveryLevel) {
  auto r = ParsePlaceOrderJson(R"({"customer": "C-1", "discount": 5, "Customer": "x",
      "lines": [{"sku": "A", "quantity": 1, "price": "2.00"}, {"sku": "B", "quantity": 1}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().errors(), UnorderedElementsAre(FieldIs("discount", "unknown_field"),
                                                        FieldIs("Customer", "unknown_field"),
                                                        FieldIs("lines/0/price", "unknown_field")));
}

TEST(PlaceOrderJson, ReportsMissingRequiredFields) {
  auto r = ParsePlaceOrderJson(R"({"channel": null, "lines": [{}, {"sku": null}]})");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().errors(), UnorderedElementsAre(FieldIs("customer", "required"),
                                                        FieldIs("lines/0/sku", "required"),
                                                        FieldIs("lines/0/quantity", "required"),
                                                        FieldIs("lines/1/sku", "required"),
                                                        FieldIs("lines/1/quantity", "required")));
  auto no_lines = ParsePlaceOrderJson(R"({"customer": "C-1"})");
  ASSERT_FALSE(no_lines.ok());
  EXPECT_THAT(no_lines.status().errors(), UnorderedElementsAre(FieldIs("lines", "required")));
}

TEST(PlaceOrderJson, NullForAnOptionalFieldKeepsItsDefault) {
  auto r = ParsePlaceOrderJson(
      R"({"customer": "C-1", "channel": null, "currency": null, "ship_to": null,
          "lines": [{"sku": "A", "quantity": 1, "uom": null, "unit_price": null}]})",
      "portal");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->channel, "portal");
  EXPECT_EQ(r->currency, "USD");
  EXPECT_EQ(r->lines[0].unit_price, std::nullopt);
}

TEST(PlaceOrderJson, EmptyLinesParseAndAreLeftToPlaceOrder) {
  auto r = ParsePlaceOrderJson(R"({"customer": "C-1", "lines": []})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->lines.empty());
}

TEST(PlaceOrderJson, MalformedJsonIsOneError) {
  for (const char* body :
       {"", "{", "{\"customer\": \"C-1\",}", "{\"customer\": 'C-1'}", "{} trailing",
        "{\"lines\": [1, 2}", "nul", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": NaN}"}) {
    auto r = ParsePlaceOrderJson(body);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument) << body;
    EXPECT_THAT(r.status().errors(), UnorderedElementsAre(FieldIs("", "malformed_json"))) << body;
  }
}

TEST(PlaceOrderJson, TooDeepNestingIsTooDeep) {
  std::string body = R"({"customer": "C-1", "lines": [)";
  for (int i = 0; i < 100; ++i) body += "[";
  for (int i = 0; i < 100; ++i) body += "]";
  body += "]}";
  auto r = ParsePlaceOrderJson(body);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().errors(), UnorderedElementsAre(FieldIs("", "too_deep")));
}

TEST(PlaceOrderJson, BodyMustBeAnObject) {
  for (const char* body : {"[]", "\"order\"", "42", "null"}) {
    auto r = ParsePlaceOrderJson(body);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_THAT(r.status().errors(), UnorderedElementsAre(FieldIs("", "invalid_type"))) << body;
  }
}

TEST(PlaceOrderJson, ObjectsAreNotDecimalsEvenWhenTheyLookLikeTheInternalWrapper) {
  // ParseExactJson wraps float tokens as {"$decimal": "<text>"}; a client sending that object
  // must get invalid_type like for any other object, never have it read as a number.
  auto r = ParsePlaceOrderJson(
      R"({"customer": "C-1", "lines": [{"sku": "A", "quantity": {"$decimal": "5"}}]})");
  ASSERT_FALSE(r.ok()) << "quantity was read as " << r->lines[0].quantity;
  EXPECT_THAT(r.status().errors(),
              UnorderedElementsAre(FieldIs("lines/0/quantity", "invalid_type")));
}

TEST(PlaceOrderJson, WrapperLookalikeWithANonStringValueIsAnInvalidTypeNotACrash) {
  Result<flows::PlaceOrderRequest> r = Status::Internal("not parsed");
  EXPECT_NO_THROW(
      r = ParsePlaceOrderJson(
          R"({"customer": "C-1", "lines": [{"sku": "A", "quantity": {"$decimal": 5}}]})"));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().errors(),
              UnorderedElementsAre(FieldIs("lines/0/quantity", "invalid_type")));
}

class PlaceOrderFromJsonTest : public ::testing::Test {
 protected:
  PlaceOrderFromJsonTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "2.50");
    db_.Receive("W1", "WID-100", 100);
    db_.AddCustomer(test_support::SimpleCustomer("C-1", "100000.00"));
  }
  test_support::TestDb db_;
};

TEST_F(PlaceOrderFromJsonTest, JsonNumbersArriveExactInTheStoredOrder) {
  auto r = ParsePlaceOrderJson(R"({"customer": "C-1", "lines": [
      {"sku": "WID-100", "quantity": 3, "unit_price": 2.1250, "override_reason": "contract"},
      {"sku": "WID-100", "quantity": 2.0, "unit_price": 0.1, "override_reason": "sample"}]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto placed = db_.Place(*r);
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  auto stored = db_.LoadOrder(placed->id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->lines[0].unit_price.units(), 21'250);
  EXPECT_EQ(stored->lines[0].extended_amount, test_support::Dollars("6.38"));
  EXPECT_EQ(stored->lines[1].unit_price.units(), 1'000);
  EXPECT_EQ(stored->lines[1].quantity, 2);
  EXPECT_EQ(stored->lines[1].extended_amount, test_support::Dollars("0.20"));
}

TEST_F(PlaceOrderFromJsonTest, NonWholeAndExponentQuantitiesAreRejectedByPlaceOrder) {
  auto r = ParsePlaceOrderJson(R"({"customer": "C-1", "lines": [
      {"sku": "WID-100", "quantity": 1.5}, {"sku": "WID-100", "quantity": 1e2},
      {"sku": "WID-100", "quantity": 2, "unit_price": 2.12345, "override_reason": "x"}]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto placed = db_.Place(*r);
  ASSERT_FALSE(placed.ok());
  EXPECT_THAT(placed.status().errors(),
              UnorderedElementsAre(FieldIs("lines/0/quantity", "not_whole_units"),
                                   FieldIs("lines/1/quantity", "invalid_quantity"),
                                   FieldIs("lines/2/unit_price", "invalid_price")));
}

}  // namespace
}  // namespace ordo::requests
