#include "csvio/stock_import.h"

#include <gtest/gtest.h>

#include "csvio/item_import.h"
#include "import_test_db.h"
#include "import_test_util.h"

namespace ordo::csvio {
namespace {

class StockImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImportReport items = ImportItems(db_.executor(), db_.Context(),
                                     "sku,name,list_price\nA-1,Anchor,1\nB-2,Bracket,2\n");
    ASSERT_TRUE(items.ok()) << ::testing::PrintToString(items.errors);
  }
  ImportReport Import(std::string_view csv) {
    return ImportStock(db_.executor(), db_.Context(), csv);
  }
  int64_t OnHand(std::string_view warehouse, std::string_view sku) {
    return db_.QueryInt(
        "SELECT COALESCE(SUM(s.on_hand), 0) FROM stock s JOIN items i ON i.id = s.item_id "
        "JOIN warehouses w ON w.id = s.warehouse_id WHERE w.code = '" +
        std::string(warehouse) + "' AND i.sku = '" + std::string(sku) + "'");
  }
  ImportTestDb db_;
};

TEST_F(StockImportTest, ReceivesEveryRow) {
  ImportReport report = Import(
      "warehouse,sku,quantity,reference\n"
      "W1,A-1,100,PO-1\n"
      "W2,A-1,40,PO-1\n"
      "W1,B-2,12.0,PO-2\n"
      "W1,A-1,5,PO-3\n");
  ASSERT_TRUE(report.ok()) << ::testing::PrintToString(report.errors);
  EXPECT_EQ(report.imported, 4);
  EXPECT_EQ(OnHand("W1", "A-1"), 105);
  EXPECT_EQ(OnHand("W2", "A-1"), 40);
  EXPECT_EQ(OnHand("W1", "B-2"), 12);
  EXPECT_EQ(db_.Count("stock_movements"), 4);
  EXPECT_EQ(db_.QueryInt("SELECT COUNT(*) FROM stock_movements WHERE reference = 'PO-1'"), 2);
}

TEST_F(StockImportTest, ReportsEveryBadRowWithItsLineAndReceivesNothing) {
  ImportReport report = Import(
      "warehouse,sku,quantity,reference\n"
      "W1,A-1,10,R1\n"
      "W1,A-1,0,R2\n"
      "W1,B-2,-3,R3\n"
      "W1,B-2,2.5,R4\n"
      ",B-2,abc,R5\n"
      "W1,A-1,10,R1\n"
      "W1,,1,R6\n");
  EXPECT_EQ(Locations(report.errors), (std::vector<Where>{{3, 3, "quantity", "invalid_quantity"},
                                                          {4, 3, "quantity", "invalid_quantity"},
                                                          {5, 3, "quantity", "not_whole_units"},
                                                          {6, 1, "warehouse", "required"},
                                                          {6, 3, "quantity", "invalid_number"},
                                                          {7, 0, "", "duplicate"},
                                                          {8, 2, "sku", "required"}}));
  EXPECT_EQ(report.errors[5].message, "repeats line 2 (the same warehouse, SKU and reference)");
  EXPECT_EQ(db_.Count("stock_movements"), 0);
}

TEST_F(StockImportTest, UnknownWarehouseOrSkuRollsBackTheWholeFile) {
  ImportReport report = Import(
      "warehouse,sku,quantity,reference\n"
      "W1,A-1,10,R1\n"
      "W9,A-1,5,R2\n"
      "W1,Z-9,5,R3\n"
      "W2,B-2,7,R4\n");
  EXPECT_EQ(Locations(report.errors), (std::vector<Where>{{3, 1, "warehouse", "unknown_warehouse"},
                                                          {4, 2, "sku", "unknown_sku"}}));
  EXPECT_EQ(report.imported, 0);
  EXPECT_EQ(db_.Count("stock_movements"), 0);
  EXPECT_EQ(OnHand("W1", "A-1"), 0);
  EXPECT_EQ(OnHand("W2", "B-2"), 0);
}

}  // namespace
}  // namespace ordo::csvio
