// WalCheckpointer: the writer no longer copies WAL pages back itself; the background
// connection does, so committed data reaches the database file while the writer only appends.
#include "store/sqlite/wal_checkpointer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "store/query.h"
#include "support/temp_dir.h"

namespace ordo::store {
namespace {

using namespace std::chrono_literals;

// Writes `commits` x 100 rows of 1 KB.
void WriteRows(Connection& writer, int commits) {
  writer.Execute("CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  std::string body(1000, 'x');
  for (int t = 0; t < commits; ++t) {
    writer.Begin();
    for (int i = 0; i < 100; ++i) Exec(writer, "INSERT INTO blobs (body) VALUES (?)", body);
    writer.Commit();
  }
}

TEST(WalCheckpointerTest, TheWriterNoLongerCheckpointsByItself) {
  test_support::TempDb db;
  auto writer = db.Connect();
  WalCheckpointer::TakeOverFrom(*writer);
  // 6 MB: past SQLite's default threshold (1000 pages, 4 MB), at which the writer would copy
  // the WAL into the database file itself; after TakeOverFrom it only appends.
  WriteRows(*writer, 60);
  EXPECT_LT(std::filesystem::file_size(db.path()), 512u * 1024);
  EXPECT_GT(std::filesystem::file_size(db.path() + "-wal"), 5u * 1024 * 1024);
}

TEST(WalCheckpointerTest, CommittedPagesReachTheDatabaseFile) {
  test_support::TempDb db;
  auto writer = db.Connect();
  WalCheckpointer::TakeOverFrom(*writer);
  WalCheckpointer checkpointer(db.path(), 10ms);
  WriteRows(*writer, 20);
  int64_t after_writes = checkpointer.checkpoints();
  auto deadline = std::chrono::steady_clock::now() + 10s;
  while (checkpointer.checkpoints() < after_writes + 2 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_GT(std::filesystem::file_size(db.path()), 2u * 1000 * 1000);
  Query q(*writer, "SELECT COUNT(*) FROM blobs");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), 2000);
}

}  // namespace
}  // namespace ordo::store
