// ConnectionPool: a lease reads one committed snapshot for its whole life, and the next lease
// of the same connection (after a clean return or a failed read) sees what was committed
// meanwhile.
#include "store/connection_pool.h"

#include <gtest/gtest.h>

#include <string>

#include "store/query.h"
#include "support/temp_dir.h"

namespace ordo::store {
namespace {

class ConnectionPoolTest : public ::testing::Test {
 protected:
  ConnectionPoolTest() : writer_(db_.Connect()) {
    writer_->Execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
    writer_->Execute("INSERT INTO t (k, v) VALUES (1, 'before')");
  }

  static std::string Value(Connection& conn) {
    Query q(conn, "SELECT v FROM t WHERE k = 1");
    return q.Next() ? q.Text(0) : "";
  }
  static int64_t Rows(Connection& conn) {
    Query q(conn, "SELECT COUNT(*) FROM t");
    return q.Next() ? q.Int(0) : -1;
  }

  test_support::TempDb db_;
  ConnectionPtr writer_;
  ConnectionPool pool_{1, [this] { return db_.Connect(); }};
};

TEST_F(ConnectionPoolTest, ALeaseReadsOneSnapshotThroughout) {
  auto lease = pool_.Borrow();
  EXPECT_TRUE(lease->InTransaction());
  EXPECT_EQ(Value(*lease), "before");
  // A commit between two reads of the same lease, as a writer's batch may land between the
  // statements that read an order's header and its lines.
  Exec(*writer_, "UPDATE t SET v = 'after' WHERE k = 1");
  Exec(*writer_, "INSERT INTO t (k, v) VALUES (2, 'new')");
  EXPECT_EQ(Value(*lease), "before");
  EXPECT_EQ(Rows(*lease), 1);
}

TEST_F(ConnectionPoolTest, TheNextLeaseSeesWhatWasCommittedMeanwhile) {
  {
    auto lease = pool_.Borrow();
    EXPECT_EQ(Value(*lease), "before");
    Exec(*writer_, "UPDATE t SET v = 'after' WHERE k = 1");
  }
  auto again = pool_.Borrow();  // the same connection: the pool holds one
  EXPECT_EQ(Value(*again), "after");
}

TEST_F(ConnectionPoolTest, AFailedReadEndsWithTheLease) {
  {
    auto lease = pool_.Borrow();
    EXPECT_EQ(Value(*lease), "before");
    // Fails while it runs, inside the lease's read transaction.
    EXPECT_THROW(Query(*lease, "SELECT abs(-9223372036854775807 - 1) FROM t").Next(), StoreError);
  }
  Exec(*writer_, "UPDATE t SET v = 'after' WHERE k = 1");
  auto again = pool_.Borrow();
  EXPECT_EQ(Value(*again), "after");
}

TEST(QueryOnlyConnection, RefusesWritesAndStillReads) {
  test_support::TempDb db;
  ConnectionPtr writer = db.Connect();
  writer->Execute("CREATE TABLE t (k INTEGER PRIMARY KEY)");
  ConnectionPtr reader = db.Connect(SqliteOptions{.query_only = true});
  EXPECT_THROW(Exec(*reader, "INSERT INTO t (k) VALUES (1)"), StoreError);
  Exec(*writer, "INSERT INTO t (k) VALUES (2)");
  Query q(*reader, "SELECT COUNT(*) FROM t");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), 1);
}

}  // namespace
}  // namespace ordo::store
