// Reading return authorizations and return receipts from JSON.
#include "requests/return_request_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/matchers.h"

namespace ordo::requests {
namespace {

using test_support::FieldIs;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(ReturnRequestJson, ReadsAnOrderOrAnInvoiceReference) {
  auto by_order = ParseReturnRequestJson(
      R"({"order": "SO-000001", "lines": [{"line_no": 2, "quantity": 3, "reason": "damaged"}]})");
  ASSERT_TRUE(by_order.ok()) << by_order.status().ToString();
  EXPECT_EQ(by_order->order, "SO-000001");
  EXPECT_EQ(by_order->invoice, "");
  ASSERT_EQ(by_order->lines.size(), 1u);
  EXPECT_EQ(by_order->lines[0].line_no, 2);
  EXPECT_EQ(by_order->lines[0].quantity, 3);
  EXPECT_EQ(by_order->lines[0].reason, "damaged");
  auto by_invoice = ParseReturnRequestJson(
      R"({"invoice": 7, "lines": [{"line_no": 1, "quantity": 1, "reason": "other"}]})");
  ASSERT_TRUE(by_invoice.ok()) << by_invoice.status().ToString();
  EXPECT_EQ(by_invoice->invoice, "7");
  EXPECT_EQ(by_invoice->order, "");
}

TEST(ReturnRequestJson, ReportsEveryBadFieldAtOnce) {
  auto r = ParseReturnRequestJson(
      R"({"order": "SO-000001", "invoice": "IN-000001", "extra": 1,
          "lines": [{"line_no": 0, "quantity": -1, "reason": "bored"},
                    {"line_no": 2, "quantity": "3", "reason": 5},
                    {"line_no": 2, "quantity": 1, "reason": "other"}, 7]})");
  ASSERT_EQ(r.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(
      r.status().errors(),
      UnorderedElementsAre(
          FieldIs("extra", "unknown_field"), FieldIs("invoice", "exclusive"),
          FieldIs("lines/0/line_no", "out_of_range"), FieldIs("lines/0/quantity", "out_of_range"),
          FieldIs("lines/0/reason", "invalid_value"), FieldIs("lines/1/quantity", "invalid_type"),
          FieldIs("lines/1/reason", "invalid_type"), FieldIs("lines/2/line_no", "duplicate"),
          FieldIs("lines/3", "invalid_type")));
  EXPECT_THAT(ParseReturnRequestJson(R"({"lines": []})").status().errors(),
              UnorderedElementsAre(FieldIs("order", "required"), FieldIs("lines", "required")));
}

TEST(ReturnReceiptJson, ReadsLinesWithTheirDispositions) {
  auto r = ParseReturnReceiptJson(
      R"({"warehouse": "W1", "lines": [{"line_no": 1, "quantity": 2, "disposition": "scrap"},
                                        {"line_no": 1, "quantity": 1, "disposition": "restock"}]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->warehouse, "W1");
  ASSERT_EQ(r->lines.size(), 2u);
  EXPECT_EQ(r->lines[0].disposition, returns::Disposition::kScrap);
  EXPECT_EQ(r->lines[0].quantity, 2);
  EXPECT_EQ(r->lines[1].disposition, returns::Disposition::kRestock);
}

TEST(ReturnReceiptJson, ReportsEveryBadFieldAtOnce) {
  auto receipt = ParseReturnReceiptJson(
      R"({"lines": [{"line_no": 1, "quantity": 0, "disposition": "burn"}, "x"]})");
  EXPECT_THAT(receipt.status().errors(),
              UnorderedElementsAre(FieldIs("warehouse", "required"),
                                   FieldIs("lines/0/quantity", "out_of_range"),
                                   FieldIs("lines/0/disposition", "invalid_value"),
                                   FieldIs("lines/1", "invalid_type")));
  EXPECT_THAT(ParseReturnReceiptJson(R"({"warehouse": "", "lines": []})").status().errors(),
              ElementsAre(FieldIs("warehouse", "required"), FieldIs("lines", "required")));
}

}  // namespace
}  // namespace ordo::requests
