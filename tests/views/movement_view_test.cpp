// The stock movements' read model: inventory keeps item ids; the view adds the SKUs.
#include "views/movement_view.h"

#include <gtest/gtest.h>

#include "catalog/item.h"
#include "support/test_db.h"

namespace ordo::views {
namespace {

TEST(MovementView, NamesEveryMovementOfThePage) {
  test_support::TestDb db;
  db.AddWarehouse("W1", 10);
  catalog::Item widget = db.AddItem("WID-100", "10.00");
  catalog::Item gadget = db.AddItem("GAD-7", "4.00");
  db.Receive("W1", "WID-100", 5);
  db.Receive("W1", "GAD-7", 2);
  db.Receive("W1", "WID-100", 1);

  auto bare = inventory::ListMovements(db.reader(), {}, 0, 10);
  ASSERT_EQ(bare.size(), 3u);
  EXPECT_EQ(bare[0].item, widget.id);
  EXPECT_EQ(bare[0].sku, "");

  auto rows = views::ListMovements(db.reader(), {}, 0, 10);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].sku, "WID-100");
  EXPECT_EQ(rows[1].sku, "GAD-7");
  EXPECT_EQ(rows[1].item, gadget.id);
  EXPECT_EQ(rows[2].sku, "WID-100");
  EXPECT_EQ(rows[0].warehouse, "W1");
  EXPECT_EQ(inventory::ToJson(rows[1])["sku"], "GAD-7");

  inventory::MovementFilter by_item;
  by_item.item = gadget.id;
  auto gadgets = views::ListMovements(db.reader(), by_item, 0, 10);
  ASSERT_EQ(gadgets.size(), 1u);
  EXPECT_EQ(gadgets[0].sku, "GAD-7");
  EXPECT_TRUE(views::ListMovements(db.reader(), {}, rows[2].id.value(), 10).empty());
}

}  // namespace
}  // namespace ordo::views
