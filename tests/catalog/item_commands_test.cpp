// The catalog's item commands: unique SKUs, and validation that reports every bad field.
#include "catalog/item_commands.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "support/matchers.h"
#include "support/test_db.h"

namespace ordo {
namespace {

using test_support::FieldIs;
using ::testing::UnorderedElementsAre;

class ItemCommandsTest : public ::testing::Test {
 protected:
  ItemCommandsTest() {
    db_.AddWarehouse("W1", 10);
    db_.AddItem("WID-100", "2.50", {{"CS", 12}});
  }

  test_support::TestDb db_;
};

TEST_F(ItemCommandsTest, SkusAreUnique) {
  EXPECT_THROW(db_.AddItem("WID-100", "1.00"), std::runtime_error);
  EXPECT_EQ(db_.Count("items"), 1);
}

TEST_F(ItemCommandsTest, ItemValidationListsEveryField) {
  catalog::NewItem in;
  in.sku = "bad sku";
  in.name = "";
  in.uom = "ea";
  in.list_price = Money::FromUnits(-1);
  in.cost = Money::FromUnits(-1);
  in.tax_class = "";
  in.reorder_point = -1;
  in.packs = {{"CS", 1}};
  CommandContext ctx = db_.Context();
  auto r = db_.executor().RunFor<catalog::Item>(
      [&](store::Connection& c) { return catalog::CreateItem(c, ctx, in); });
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().errors(),
              UnorderedElementsAre(
                  FieldIs("sku", "invalid_sku"), FieldIs("name", "required"),
                  FieldIs("uom", "invalid_uom"), FieldIs("list_price", "out_of_range"),
                  FieldIs("cost", "out_of_range"), FieldIs("tax_class", "required"),
                  FieldIs("reorder_point", "out_of_range"), FieldIs("base_uom", "invalid_uom"),
                  FieldIs("pack_sizes/0/quantity", "invalid_pack_quantity")));
}

}  // namespace
}  // namespace ordo
