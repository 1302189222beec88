#include "csvio/csv_error.h"

#include <gtest/gtest.h>

namespace ordo::csvio {
namespace {

TEST(CsvErrorTest, FormatsLikeACompilerMessage) {
  EXPECT_EQ(FormatCsvError("items.csv", {14, 3, "list_price", "invalid_money",
                                         "\"12,50\" is not a decimal amount"}),
            "items.csv:14:3: list_price: invalid_money: \"12,50\" is not a decimal amount");
  EXPECT_EQ(FormatCsvError("a.csv", {2, 0, "", "field_count", "m"}), "a.csv:2: field_count: m");
  EXPECT_EQ(FormatCsvError("a.csv", {0, 0, "", "unavailable", "m"}), "a.csv: unavailable: m");
}

TEST(CsvErrorTest, SortsByLineThenColumnKeepingTies) {
  std::vector<CsvError> errors = {
      {5, 1, "", "a", ""}, {2, 3, "", "b", ""}, {2, 1, "", "c", ""}, {2, 1, "", "d", ""}};
  SortCsvErrors(errors);
  std::string codes;
  for (const CsvError& e : errors) codes += e.code;
  EXPECT_EQ(codes, "cdba");
}

}  // namespace
}  // namespace ordo::csvio
