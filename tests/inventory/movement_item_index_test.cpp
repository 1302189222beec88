// The stock movements' batched item index (inventory/movement_item_index.h, migration 0013): the
// tail is indexed when it reaches the batch size, a failed command takes its indexing back
// with it, and an item's movements are listed whole and in order, page by page, wherever they
// fall on either side of through_id. The fixture's database indexes every 200 movements.
#include "inventory/movement_item_index.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "inventory/stock_movements.h"
#include "inventory/stock_queries.h"
#include "store/migrations.h"
#include "store/query.h"
#include "support/invariants.h"
#include "support/migrate_to.h"
#include "support/temp_dir.h"
#include "support/test_db.h"

namespace ordo::test_support {
namespace {

constexpr int64_t kBatch = 200;

class MovementItemIndexTest : public ::testing::Test {
 protected:
  MovementItemIndexTest() {
    w1_ = db_.AddWarehouse("W1", 10).id;
    w2_ = db_.AddWarehouse("W2", 20).id;
    for (const char* sku : {"A", "B", "C"}) items_.push_back(db_.AddItem(sku, "1.00").id);
    db_.Connect()->Execute("UPDATE stock_movements_indexed SET batch = " + std::to_string(kBatch));
  }

  int64_t Through() { return db_.QueryInt("SELECT through_id FROM stock_movements_indexed"); }
  int64_t Newest() { return db_.QueryInt("SELECT COALESCE(MAX(id), 0) FROM stock_movements"); }

  // Receipts, in one command, until the newest movement id is `last`; item and warehouse
  // rotate so that each item's movements interleave with the others'.
  void WriteMovementsThrough(int64_t last) {
    Status st = db_.executor().Run([&](store::Connection& c) -> Status {
      for (int64_t id = Newest(c) + 1; id <= last; ++id) {
        ItemId item = items_[static_cast<size_t>(id % 3)];
        WarehouseId warehouse = id % 5 < 2 ? w1_ : w2_;
        Status s = inventory::ChangeOnHand(c, db_.Context(), item, warehouse, 1, "receipt", "R");
        if (!s.ok()) return s;
      }
      return Status::Ok();
    });
    ASSERT_TRUE(st.ok()) << st.ToString();
    ASSERT_EQ(Newest(), last);
  }
  static int64_t Newest(store::Connection& c) {
    store::Query q(c, "SELECT COALESCE(MAX(id), 0) FROM stock_movements");
    return q.Next() ? q.Int(0) : 0;
  }

  // The ids ListMovements gives for `filter`, read `page` at a time as the API pages.
  std::vector<int64_t> Listed(const inventory::MovementFilter& filter, int page) {
    std::vector<int64_t> out;
    int64_t after = 0;
    for (;;) {
      auto rows = inventory::ListMovements(db_.reader(), filter, after, page);
      for (const auto& m : rows) out.push_back(m.id.value());
      if (static_cast<int>(rows.size()) < page) return out;
      after = rows.back().id.value();
    }
  }
  // The same ids, straight from stock_movements.
  std::vector<int64_t> Expected(ItemId item, std::optional<WarehouseId> warehouse) {
    store::Query q(db_.reader(),
                   "SELECT id FROM stock_movements WHERE item_id = ? "
                   "AND (? IS NULL OR warehouse_id = ?) ORDER BY id",
                   item, warehouse, warehouse);
    std::vector<int64_t> out;
    while (q.Next()) out.push_back(q.Int(0));
    return out;
  }
  void ExpectListingsMatchTheMovements() {
    for (ItemId item : items_) {
      EXPECT_EQ(Listed({item, std::nullopt}, 500), Expected(item, std::nullopt));
      EXPECT_EQ(Listed({item, w2_}, 333), Expected(item, w2_));
    }
  }

  TestDb db_{TestDbOptions{.synchronous = "OFF"}};
  WarehouseId w1_, w2_;
  std::vector<ItemId> items_;
};

TEST_F(MovementItemIndexTest, TheTailIsIndexedWhenItReachesTheBatchSize) {
  WriteMovementsThrough(kBatch - 1);
  EXPECT_EQ(Through(), 0);
  EXPECT_EQ(db_.Count("stock_movements_by_item"), 0);
  ExpectListingsMatchTheMovements();  // all of it from the tail

  WriteMovementsThrough(kBatch);
  EXPECT_EQ(Through(), kBatch);
  EXPECT_EQ(db_.Count("stock_movements_by_item"), kBatch);
  EXPECT_TRUE(InvariantsHold(db_.reader()));

  // One command of 4.5 batches: indexed each time the tail is full, a tail left after.
  WriteMovementsThrough(kBatch * 11 / 2);
  EXPECT_EQ(Through(), kBatch * 5);
  EXPECT_TRUE(InvariantsHold(db_.reader()));
  ExpectListingsMatchTheMovements();  // pages that straddle through_id
}

TEST_F(MovementItemIndexTest, AnOrderWhoseAllocationsFillTheTailIndexesIt) {
  WriteMovementsThrough(kBatch - 2);
  // An order of the three items: its allocate movements are written in one statement, with
  // ids batch - 1, batch and batch + 1; the tail is indexed after the statement.
  db_.AddCustomer(SimpleCustomer("C-1", "1000.00"));
  auto placed = db_.Place(OrderFor("C-1", {{"A", "1"}, {"B", "1"}, {"C", "1"}}));
  ASSERT_TRUE(placed.ok()) << placed.status().ToString();
  ASSERT_EQ(Newest(), kBatch + 1);
  EXPECT_EQ(Through(), kBatch + 1);
  EXPECT_TRUE(InvariantsHold(db_.reader()));
  ExpectListingsMatchTheMovements();
}

TEST_F(MovementItemIndexTest, AFailedCommandTakesItsIndexingBackWithIt) {
  WriteMovementsThrough(kBatch - 1);
  Status st = db_.executor().Run([&](store::Connection& c) -> Status {
    Status s = inventory::ChangeOnHand(c, db_.Context(), items_[0], w1_, 1, "receipt", "R");
    if (!s.ok()) return s;
    return Status::InvalidArgument("a later step of the command fails");
  });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(Through(), 0);
  EXPECT_EQ(db_.Count("stock_movements_by_item"), 0);
  EXPECT_EQ(Newest(), kBatch - 1);
  // The id is given again, and indexing with it.
  WriteMovementsThrough(kBatch);
  EXPECT_EQ(Through(), kBatch);
  EXPECT_TRUE(InvariantsHold(db_.reader()));
}

TEST_F(MovementItemIndexTest, IndexingTheTailTwiceAddsNothing) {
  WriteMovementsThrough(500);
  Status st = db_.executor().Run([](store::Connection& c) -> Status {
    inventory::IndexMovementTail(c);
    inventory::IndexMovementTail(c);
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(Through(), 500);
  EXPECT_EQ(db_.Count("stock_movements_by_item"), 500);
  EXPECT_TRUE(InvariantsHold(db_.reader()));
  ExpectListingsMatchTheMovements();  // all of it from the index
}

TEST(MovementItemIndexDefaults, ANewDatabaseIndexesEvery8192Movements) {
  TestDb db;
  EXPECT_EQ(db.QueryInt("SELECT batch FROM stock_movements_indexed"), 8192);
  EXPECT_EQ(db.QueryInt("SELECT through_id FROM stock_movements_indexed"), 0);
}

TEST(MovementItemIndexMigration, IndexesEveryMovementItFinds) {
  TempDb db;
  store::ConnectionPtr conn = db.Connect();
  MigrateTo(*conn, 12);
  conn->Execute(R"sql(
    INSERT INTO warehouses (id, code, name, created_at) VALUES (1, 'W1', 'W1', 0), (2, 'W2', 'W2', 0);
    INSERT INTO items (id, sku, name, uom, list_price, cost, tax_class, active, created_at,
                       updated_at)
      VALUES (1, 'A', 'A', 'EA', 100, 0, 'std', 1, 0, 0), (2, 'B', 'B', 'EA', 100, 0, 'std', 1, 0, 0);
    INSERT INTO stock_movements (item_id, warehouse_id, kind, quantity, at)
      VALUES (1, 1, 'receipt', 5, 0), (2, 2, 'receipt', 7, 0), (1, 2, 'receipt', 3, 0);
  )sql");
  ManualClock clock(Timestamp{0});
  ASSERT_TRUE(store::Migrate(*conn, clock).ok());
  store::Query through(*conn, "SELECT through_id FROM stock_movements_indexed");
  ASSERT_TRUE(through.Next());
  EXPECT_EQ(through.Int(0), 3);
  std::vector<std::string> rows;
  store::Query q(*conn,
                 "SELECT item_id, movement_id, warehouse_id FROM stock_movements_by_item "
                 "ORDER BY item_id, movement_id");
  while (q.Next()) {
    rows.push_back(std::to_string(q.Int(0)) + "/" + std::to_string(q.Int(1)) + "/" +
                   std::to_string(q.Int(2)));
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"1/1/1", "1/3/2", "2/2/2"}));
  auto a = inventory::ListMovements(*conn, {ItemId(1), std::nullopt}, 0, 10);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].quantity, 5);
  EXPECT_EQ(a[1].warehouse, "W2");
}

}  // namespace
}  // namespace ordo::test_support
