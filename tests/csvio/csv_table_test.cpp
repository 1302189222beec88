#include "csvio/csv_table.h"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

namespace ordo::csvio {
namespace {

constexpr std::array<CsvColumn, 3> kColumns{{{"sku", true}, {"name", true}, {"note"}}};

using Values = std::vector<std::string>;

TEST(CsvTableTest, MatchesHeaderNamesIgnoringCaseSpacesAndOrder) {
  CsvTable table = CsvTable::Read(" Name ,SKU\n  Widget , A-1\n", kColumns);
  ASSERT_TRUE(table.errors().empty());
  ASSERT_EQ(table.rows().size(), 1u);
  EXPECT_EQ(table.rows()[0].line, 2);
  EXPECT_EQ(table.rows()[0].values, (Values{"A-1", "Widget", ""}));
  EXPECT_EQ(table.FilePosition("sku"), 2);
  EXPECT_EQ(table.FilePosition("name"), 1);
  EXPECT_EQ(table.FilePosition("note"), 0);
  EXPECT_EQ(table.Value(table.rows()[0], "name"), "Widget");
}

TEST(CsvTableTest, SkipsBlankLines) {
  CsvTable table = CsvTable::Read("\nsku,name\n\nA,a\n  \nB,b\n\n", kColumns);
  ASSERT_TRUE(table.errors().empty());
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[0].line, 4);
  EXPECT_EQ(table.rows()[1].line, 6);
}

TEST(CsvTableTest, HeaderOnlyHasNoRows) {
  CsvTable table = CsvTable::Read("sku,name\n", kColumns);
  EXPECT_TRUE(table.errors().empty());
  EXPECT_TRUE(table.rows().empty());
}

TEST(CsvTableTest, EmptyFileNeedsAHeader) {
  CsvTable table = CsvTable::Read("\n\n", kColumns);
  ASSERT_EQ(table.errors().size(), 1u);
  EXPECT_EQ(table.errors()[0].code, "missing_header");
}

TEST(CsvTableTest, ReportsUnknownDuplicateAndMissingColumnsAndReadsNoRows) {
  CsvTable table = CsvTable::Read("sku,colour,SKU,\nA,red,B,x\n", kColumns);
  ASSERT_EQ(table.errors().size(), 4u);
  EXPECT_EQ(table.errors()[0],
            (CsvError{1, 2, "colour", "unknown_column",
                      "not a column of this file; the columns are sku, name, note"}));
  EXPECT_EQ(table.errors()[1], (CsvError{1, 3, "sku", "duplicate_column", "also column 1"}));
  EXPECT_EQ(table.errors()[2].column, 4);
  EXPECT_EQ(table.errors()[2].code, "unknown_column");
  EXPECT_EQ(table.errors()[3],
            (CsvError{1, 0, "name", "missing_column", "the required column is missing"}));
  EXPECT_TRUE(table.rows().empty());
}

TEST(CsvTableTest, RecordWithTheWrongNumberOfFieldsIsAnError) {
  CsvTable table = CsvTable::Read("sku,name\nA,a\nB\nC,c,extra\nD,d\n", kColumns);
  ASSERT_EQ(table.errors().size(), 2u);
  // Located at the first missing field (named by the header) or the first one too many.
  EXPECT_EQ(table.errors()[0],
            (CsvError{3, 2, "name", "field_count",
                      "the header has 2 fields but this record has 1: it ends before field 2 "
                      "(name)"}));
  EXPECT_EQ(table.errors()[1],
            (CsvError{4, 3, "", "field_count",
                      "the header has 2 fields but this record has 3: field 3 is beyond the "
                      "header"}));
  ASSERT_EQ(table.rows().size(), 2u);
  EXPECT_EQ(table.rows()[1].line, 5);
}

TEST(CsvTableTest, KeepsSyntaxErrorsAndTheRowsAroundThem) {
  CsvTable table = CsvTable::Read("sku,name\nA,\"a\"x\nB,b\n", kColumns);
  ASSERT_EQ(table.errors().size(), 1u);
  EXPECT_EQ(table.errors()[0].code, "text_after_quote");
  EXPECT_EQ(table.errors()[0].line, 2);
  ASSERT_EQ(table.rows().size(), 1u);
  EXPECT_EQ(table.rows()[0].line, 3);
}

TEST(CsvTableTest, MalformedHeaderIsNotReplacedByTheNextRecord) {
  CsvTable table = CsvTable::Read("sku,na\"me\nA,a\n", kColumns);
  ASSERT_EQ(table.errors().size(), 1u);
  EXPECT_EQ(table.errors()[0].code, "stray_quote");
  EXPECT_TRUE(table.rows().empty());
}

}  // namespace
}  // namespace ordo::csvio
