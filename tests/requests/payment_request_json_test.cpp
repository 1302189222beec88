// Reading payments and later applications from JSON: amounts in whole cents, known methods,
// no invoice twice.
#include "requests/payment_request_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/matchers.h"

namespace ordo::requests {
namespace {

using test_support::FieldIs;
using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

TEST(PaymentJson, ReadsAPaymentWithItsApplications) {
  auto p = ParsePaymentJson(
      R"({"customer": "C-1", "amount": "150.00", "method": "check", "reference": "CHK 1",
          "received_date": "2026-03-02",
          "applications": [{"invoice": "IN-000001", "amount": 98, "discount": "2.00"},
                           {"invoice": 4, "amount": "50"}]})");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->customer, "C-1");
  EXPECT_EQ(p->amount.Format(2), "150.00");
  EXPECT_EQ(p->method, "check");
  EXPECT_EQ(p->reference, "CHK 1");
  ASSERT_TRUE(p->received_date.has_value());
  EXPECT_EQ(FormatDate(*p->received_date), "2026-03-02");
  ASSERT_EQ(p->applications.size(), 2u);
  EXPECT_EQ(p->applications[0].invoice, "IN-000001");
  EXPECT_EQ(p->applications[0].amount.Format(2), "98.00");
  EXPECT_EQ(p->applications[0].discount.Format(2), "2.00");
  EXPECT_EQ(p->applications[1].invoice, "4");
  EXPECT_TRUE(p->applications[1].discount.is_zero());
}

TEST(PaymentJson, ReportsEveryBadFieldAtOnce) {
  auto p = ParsePaymentJson(
      R"({"customer": 0, "amount": "0", "method": "cash", "received_date": "March",
          "tip": 1,
          "applications": [{"invoice": "IN-1", "amount": "1.001"},
                           {"invoice": "IN-1", "amount": 1, "discount": -1, "memo": "x"},
                           "IN-2"]})");
  ASSERT_EQ(p.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(
      p.status().errors(),
      UnorderedElementsAre(FieldIs("tip", "unknown_field"), FieldIs("customer", "invalid_type"),
                           FieldIs("amount", "out_of_range"), FieldIs("method", "invalid_value"),
                           FieldIs("received_date", "invalid_value"),
                           FieldIs("applications/0/amount", "out_of_range"),
                           FieldIs("applications/1/memo", "unknown_field"),
                           FieldIs("applications/1/discount", "out_of_range"),
                           FieldIs("applications/1/invoice", "duplicate"),
                           FieldIs("applications/2", "invalid_type")));
}

TEST(ApplicationsJson, NeedAtLeastOneApplication) {
  EXPECT_THAT(ParseApplicationsJson("{}").status().errors(),
              ElementsAre(FieldIs("applications", "required")));
  EXPECT_THAT(ParseApplicationsJson(R"({"applications": []})").status().errors(),
              ElementsAre(FieldIs("applications", "required")));
  auto apps = ParseApplicationsJson(R"({"applications": [{"invoice": "IN-9", "amount": 5}]})");
  ASSERT_TRUE(apps.ok()) << apps.status().ToString();
  ASSERT_EQ(apps->size(), 1u);
  EXPECT_EQ((*apps)[0].invoice, "IN-9");
}

}  // namespace
}  // namespace ordo::requests
