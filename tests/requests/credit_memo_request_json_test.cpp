// Reading the applications and refunds of credit memos from JSON.
#include "requests/credit_memo_request_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/matchers.h"

namespace ordo::requests {
namespace {

using test_support::FieldIs;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(MemoApplicationsJson, ReadsInvoicesByIdOrNumber) {
  auto apps = ParseMemoApplicationsJson(
      R"({"applications": [{"invoice": 3, "amount": "10.50"}, {"invoice": "IN-000002",
                            "amount": 4}]})");
  ASSERT_TRUE(apps.ok()) << apps.status().ToString();
  ASSERT_EQ(apps->size(), 2u);
  EXPECT_EQ((*apps)[0].invoice, "3");
  EXPECT_EQ((*apps)[0].amount.Format(2), "10.50");
  EXPECT_EQ((*apps)[1].invoice, "IN-000002");
}

TEST(MemoApplicationsJson, ReportsEveryBadFieldAtOnce) {
  auto apps = ParseMemoApplicationsJson(
      R"({"note": 1, "applications": [{"amount": 0}, {"invoice": -2, "amount": true}, 5]})");
  ASSERT_EQ(apps.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(apps.status().errors(),
              UnorderedElementsAre(FieldIs("note", "unknown_field"),
                                   FieldIs("applications/0/invoice", "required"),
                                   FieldIs("applications/0/amount", "out_of_range"),
                                   FieldIs("applications/1/invoice", "invalid_type"),
                                   FieldIs("applications/1/amount", "invalid_type"),
                                   FieldIs("applications/2", "invalid_type")));
  EXPECT_THAT(ParseMemoApplicationsJson(R"({"applications": []})").status().errors(),
              ElementsAre(FieldIs("applications", "required")));
}

TEST(MemoRefundJson, ReadsARefund) {
  auto r = ParseMemoRefundJson(R"({"amount": "25.00", "method": "ach", "reference": "R-1"})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->amount.Format(2), "25.00");
  EXPECT_EQ(r->method, "ach");
  EXPECT_EQ(r->reference, "R-1");
}

TEST(MemoRefundJson, ReportsEveryBadFieldAtOnce) {
  auto r = ParseMemoRefundJson(R"({"amount": -5, "method": "cash", "reference": 7})");
  EXPECT_THAT(r.status().errors(), UnorderedElementsAre(FieldIs("amount", "out_of_range"),
                                                        FieldIs("method", "invalid_value"),
                                                        FieldIs("reference", "invalid_type")));
  EXPECT_THAT(ParseMemoRefundJson("{}").status().errors(),
              UnorderedElementsAre(FieldIs("amount", "required"), FieldIs("method", "required")));
}

}  // namespace
}  // namespace ordo::requests
