#include "csvio/item_import.h"

#include <gtest/gtest.h>

#include "catalog/item_repository.h"
#include "import_test_db.h"
#include "import_test_util.h"

namespace ordo::csvio {
namespace {

constexpr std::string_view kHeader =
    "sku,name,uom,list_price,cost,tax_class,active,reorder_point,pack_sizes\n";

class ItemImportTest : public ::testing::Test {
 protected:
  ImportReport Import(std::string_view csv) {
    return ImportItems(db_.executor(), db_.Context(), csv);
  }
  ImportTestDb db_;
};

TEST_F(ItemImportTest, CreatesEveryItemOfACleanFile) {
  ImportReport report = Import(std::string(kHeader) +
                               "A-1,\"Anchor bolt, 1/2\"\"\",EA,2.125,1.10,standard,yes,10,"
                               "CS=12;PL=480\n"
                               "B-2,Bracket,BX,12.50,8,reduced,No,0,\n"
                               "C-3,Clamp,EA,0.0001,,,,,\n");
  ASSERT_TRUE(report.ok()) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(report.imported, 3);
  EXPECT_EQ(db_.Count("items"), 3);
  EXPECT_EQ(db_.Count("item_packs"), 2);

  std::optional<catalog::Item> anchor = catalog::FindItemBySku(db_.reader(), "A-1");
  ASSERT_TRUE(anchor.has_value());
  EXPECT_EQ(anchor->name, "Anchor bolt, 1/2\"");
  EXPECT_EQ(anchor->list_price, Money::FromUnits(21'250));
  EXPECT_EQ(anchor->cost, Money::FromUnits(11'000));
  EXPECT_EQ(anchor->reorder_point, 10);
  EXPECT_EQ(anchor->packs, (std::vector<PackSize>{{"CS", 12}, {"PL", 480}}));
  std::optional<catalog::Item> bracket = catalog::FindItemBySku(db_.reader(), "B-2");
  ASSERT_TRUE(bracket.has_value());
  EXPECT_FALSE(bracket->active);
  EXPECT_EQ(bracket->uom, "BX");
  EXPECT_EQ(bracket->tax_class, "reduced");
  std::optional<catalog::Item> clamp = catalog::FindItemBySku(db_.reader(), "C-3");
  ASSERT_TRUE(clamp.has_value());
  EXPECT_EQ(clamp->list_price, Money::FromUnits(1));
  EXPECT_TRUE(clamp->cost.is_zero());
  EXPECT_TRUE(clamp->active);
  EXPECT_EQ(clamp->tax_class, "standard");
}

// A pack's own bar code follows its quantity ("CS=12:GTIN"), checked like the item's.
TEST_F(ItemImportTest, PacksMayHaveTheirOwnGtin) {
  ImportReport report = Import(
      "sku,name,list_price,pack_sizes,gtin\n"
      "A-1,Anchor bolt,2.00,CS=12:10012345678902;PL=480,00012345678905\n");
  ASSERT_TRUE(report.ok()) << ::testing::PrintToString(report.errors);
  std::optional<catalog::Item> anchor = catalog::FindItemBySku(db_.reader(), "A-1");
  ASSERT_TRUE(anchor.has_value());
  EXPECT_EQ(anchor->gtin, std::optional<std::string>("00012345678905"));
  EXPECT_EQ(anchor->packs, (std::vector<PackSize>{{"CS", 12, "10012345678902"}, {"PL", 480}}));

  ImportReport bad = Import(
      "sku,name,list_price,pack_sizes\n"
      "B-2,Bracket,1.00,CS=12:10012345678903\n"
      "C-3,Clamp,1.00,CS=6:00012345678905;BX=2:00012345678905\n"
      "D-4,Dowel,1.00,CS=:10012345678902\n");
  EXPECT_EQ(Locations(bad.errors),
            (std::vector<Where>{{2, 4, "pack_sizes", "invalid_gtin"},
                                {3, 4, "pack_sizes", "duplicate"},
                                {4, 4, "pack_sizes", "invalid_pack_sizes"}}));
  EXPECT_EQ(bad.imported, 0);
  EXPECT_EQ(db_.Count("items"), 1);
}

TEST_F(ItemImportTest, AcceptsAByteOrderMarkCrlfAndColumnsInAnyOrder) {
  ImportReport report = Import("\xEF\xBB\xBF List_Price ,SKU,Name\r\n1.00,A-1,Anchor\r\n");
  ASSERT_TRUE(report.ok()) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(db_.QueryInt("SELECT list_price FROM items WHERE sku = 'A-1'"), 10'000);
}

TEST_F(ItemImportTest, ReportsEveryBadRowWithItsLineAndImportsNothing) {
  ImportReport report = Import(std::string(kHeader) +
                               "A-1,Anchor bolt,EA,2.50,1.10,standard,yes,10,CS=12;PL=480\n"
                               "B-2,\"Bracket, steel\",EA,\"12,50\",8,standard,true,0,\n"
                               "C-3,\"Clamp\nlarge\",EA,3,1,standard,maybe,0,\n"
                               "A-1,Anchor again,EA,1,1,standard,1,0,\n"
                               "D-4,Dowel,EA,1.23456,1,standard,1,1.5,CS12\n"
                               "E-5,,ea,1,-2,standard,0,0,CS=1\n"
                               "F-6,Fine,EA,1,1,standard,1,0,\n");
  EXPECT_EQ(Locations(report.errors),
            (std::vector<Where>{{3, 4, "list_price", "invalid_money"},
                                {4, 2, "name", "invalid_text"},  // an item name is one line
                                {4, 7, "active", "invalid_boolean"},
                                {6, 1, "sku", "duplicate"},
                                {7, 4, "list_price", "too_many_decimals"},
                                {7, 8, "reorder_point", "not_whole_units"},
                                {7, 9, "pack_sizes", "invalid_pack_sizes"},
                                {8, 2, "name", "required"},
                                {8, 3, "uom", "invalid_uom"},
                                {8, 5, "cost", "out_of_range"},
                                {8, 9, "pack_sizes", "invalid_pack_quantity"}}));
  EXPECT_EQ(report.errors[0].message, "\"12,50\" is not a decimal amount");
  EXPECT_EQ(report.errors[1].message, "name holds a control character (character 6)");
  EXPECT_EQ(report.errors[3].message, "SKU A-1 is also on line 2");
  EXPECT_EQ(report.errors[10].message, "pack 1 quantity: must be at least 2");
  EXPECT_EQ(report.imported, 0);
  EXPECT_EQ(db_.Count("items"), 0);
}

TEST_F(ItemImportTest, SkuAlreadyInTheDatabaseRollsBackTheWholeFile) {
  ASSERT_TRUE(Import("sku,name,list_price\nA-1,Anchor,1\n").ok());
  const int64_t audit_rows = db_.Count("audit_log");
  const int64_t events = db_.Count("outbox_events");

  ImportReport report =
      Import("sku,name,list_price\nN-1,New one,1\nN-2,New two,2\nA-1,Anchor again,3\nN-3,x,4\n");
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_EQ(report.errors[0], (CsvError{4, 1, "sku", "duplicate", "SKU A-1 is taken"}));
  EXPECT_EQ(report.imported, 0);
  EXPECT_EQ(db_.Count("items"), 1);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM items WHERE sku LIKE 'N-%'"), 0);
  EXPECT_EQ(db_.Count("audit_log"), audit_rows);
  EXPECT_EQ(db_.Count("outbox_events"), events);
}

TEST_F(ItemImportTest, HeaderProblemsAreReportedOnLineOne) {
  ImportReport report = Import("sku,name,price\nA-1,Anchor,1\n");
  EXPECT_EQ(Locations(report.errors), (std::vector<Where>{{1, 0, "list_price", "missing_column"},
                                                          {1, 3, "price", "unknown_column"}}));
  EXPECT_EQ(db_.Count("items"), 0);
}

TEST_F(ItemImportTest, SyntaxErrorsAndValueErrorsAreReportedTogether) {
  ImportReport report =
      Import("sku,name,list_price\nA-1,Anchor,x\nB-2,Bra\"cket,1\nC-3,\"Clamp,2\n");
  EXPECT_EQ(Locations(report.errors), (std::vector<Where>{{2, 3, "list_price", "invalid_money"},
                                                          {3, 8, "", "stray_quote"},
                                                          {4, 5, "", "unterminated_quote"}}));
  EXPECT_EQ(db_.Count("items"), 0);
}

TEST_F(ItemImportTest, HeaderOnlyImportsNothingWithoutError) {
  ImportReport report = Import(kHeader);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.imported, 0);
}

}  // namespace
}  // namespace ordo::csvio
