// Reading shipment confirmations from JSON: every field, and every bad field at once.
#include "requests/shipment_request_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/matchers.h"

namespace ordo::requests {
namespace {

using test_support::FieldIs;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(ShipmentConfirmationJson, ReadsAWholeConfirmation) {
  auto c = ParseShipmentConfirmationJson(
      R"({"carrier": "UPS", "service": "Ground", "tracking_number": "1Z",
          "packages": [{"weight": 12.50}, {"weight": "3"}], "freight": "12.40",
          "lines": [{"line_no": 2, "quantity": 0}]})");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->carrier, "UPS");
  EXPECT_EQ(c->service, "Ground");
  EXPECT_EQ(c->tracking_number, "1Z");
  ASSERT_EQ(c->packages.size(), 2u);
  EXPECT_EQ(c->packages[0].weight, "12.50");
  EXPECT_EQ(c->packages[1].weight, "3");
  EXPECT_EQ(c->freight.Format(2), "12.40");
  ASSERT_EQ(c->lines.size(), 1u);
  EXPECT_EQ(c->lines[0].line_no, 2);
  EXPECT_EQ(c->lines[0].quantity, 0);
}

TEST(ShipmentConfirmationJson, ReportsEveryBadFieldAtOnce) {
  auto c = ParseShipmentConfirmationJson(
      R"({"carrier": "", "service": 5, "packages": [{"weight": "0"}, {"weight": "x"}, 3],
          "lines": [{"line_no": 1, "quantity": -1}, {"line_no": 1, "quantity": 2, "sku": "A"}],
          "colour": "red"})");
  ASSERT_EQ(c.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(
      c.status().errors(),
      UnorderedElementsAre(
          FieldIs("carrier", "required"), FieldIs("service", "invalid_type"),
          FieldIs("tracking_number", "required"), FieldIs("packages/0/weight", "out_of_range"),
          FieldIs("packages/1/weight", "out_of_range"), FieldIs("packages/2", "invalid_type"),
          FieldIs("lines/0/quantity", "out_of_range"), FieldIs("lines/1/sku", "unknown_field"),
          FieldIs("lines/1/line_no", "duplicate"), FieldIs("colour", "unknown_field")));
  EXPECT_THAT(ParseShipmentConfirmationJson(R"({"carrier": "U", "service": "G",
              "tracking_number": "1", "packages": []})")
                  .status()
                  .errors(),
              ElementsAre(FieldIs("packages", "required")));
}

TEST(ShipmentConfirmationJson, FreightIsWholeCentsAndNotNegative) {
  auto c = ParseShipmentConfirmationJson(
      R"({"carrier": "U", "service": "G", "tracking_number": "1", "packages": [{"weight": 1}],
          "freight": "1.005"})");
  EXPECT_THAT(c.status().errors(), ElementsAre(FieldIs("freight", "out_of_range")));
  auto negative = ParseShipmentConfirmationJson(
      R"({"carrier": "U", "service": "G", "tracking_number": "1", "packages": [{"weight": 1}],
          "freight": -1})");
  EXPECT_THAT(negative.status().errors(), ElementsAre(FieldIs("freight", "out_of_range")));
}

}  // namespace
}  // namespace ordo::requests
