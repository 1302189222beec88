// Reading query parameters: each reader names the parameter in its errors, and an empty value
// counts as absent.
#include "api/query_params.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>

#include "orders/order.h"

namespace ordo::api {
namespace {

http::Request With(std::vector<std::pair<std::string, std::string>> query) {
  http::Request r;
  for (auto& [name, value] : query) r.query.emplace_back(std::move(name), std::move(value));
  return r;
}

TEST(QueryParams, UnknownParametersAreReportedEveryOneAtOnce) {
  constexpr std::array<std::string_view, 2> kKnown = {"as_of", "customer"};
  EXPECT_TRUE(CheckKnownParameters(With({{"as_of", "2026-01-31"}}), kKnown).ok());
  Status st = CheckKnownParameters(With({{"asof", "x"}, {"customer", "C"}, {"days", "9"}}), kKnown);
  EXPECT_EQ(st.code(), ErrorCode::kInvalidArgument);
  ASSERT_EQ(st.errors().size(), 2u);
  EXPECT_EQ(st.errors()[0], (FieldError{"asof", "unknown_parameter", "no parameter asof here"}));
  EXPECT_EQ(st.errors()[1].field, "days");
}

TEST(QueryParams, EmptyCountsAsAbsent) {
  EXPECT_EQ(NonEmptyQuery(With({{"type", ""}}), "type"), std::nullopt);
  EXPECT_EQ(NonEmptyQuery(With({{"type", "order.placed"}}), "type"), "order.placed");
  std::vector<FieldError> errors;
  EXPECT_EQ(QueryDate(With({{"as_of", ""}}), "as_of", errors), std::nullopt);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(*QueryBool(With({{"active", ""}}), "active"), std::nullopt);
  EXPECT_EQ(*QueryId(With({{"entity_id", ""}}), "entity_id"), std::nullopt);
}

TEST(QueryParams, DatesAreReportedWithTheirName) {
  std::vector<FieldError> errors;
  auto d = QueryDate(With({{"to", "2026-02-28"}}), "to", errors);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatDate(*d), "2026-02-28");
  EXPECT_EQ(QueryDate(With({{"to", "28/02/2026"}}), "to", errors), std::nullopt);
  EXPECT_THAT(errors, ::testing::ElementsAre(
                          FieldError{"to", "invalid_value", "to is a date (YYYY-MM-DD)"}));
}

TEST(QueryParams, BooleansAreTrueOrFalse) {
  EXPECT_EQ(*QueryBool(With({{"on_hold", "true"}}), "on_hold"), true);
  EXPECT_EQ(*QueryBool(With({{"on_hold", "false"}}), "on_hold"), false);
  auto bad = QueryBool(With({{"on_hold", "yes"}}), "on_hold");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "on_hold must be true or false");
  EXPECT_THAT(bad.status().errors(), ::testing::ElementsAre(FieldError{
                                         "on_hold", "invalid_value", "on_hold is true or false"}));
}

TEST(QueryParams, IdsArePositiveIntegers) {
  EXPECT_EQ(*QueryId(With({{"entity_id", "42"}}), "entity_id"), 42);
  for (const char* text : {"0", "-3", "4x", "SO-1"}) {
    auto bad = QueryId(With({{"entity_id", text}}), "entity_id");
    ASSERT_FALSE(bad.ok()) << text;
    EXPECT_EQ(bad.status().errors().at(0).field, "entity_id");
  }
}

TEST(QueryParams, EnumFiltersNameTheirChoices) {
  std::vector<FieldError> errors;
  EXPECT_EQ(QueryEnum(With({{"status", "open"}}), "status", orders::StatusFromName, "…", errors),
            orders::OrderStatus::kOpen);
  EXPECT_EQ(QueryEnum(With({}), "status", orders::StatusFromName, "…", errors), std::nullopt);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(QueryEnum(With({{"status", "lost"}}), "status", orders::StatusFromName, "open, closed",
                      errors),
            std::nullopt);
  EXPECT_THAT(errors, ::testing::ElementsAre(
                          FieldError{"status", "invalid_value", "status is one of open, closed"}));
}

}  // namespace
}  // namespace ordo::api
