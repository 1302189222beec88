// ConnectionPool: a lease reads one committed snapshot for its whole life, and the next lease
// of the same connection (after a clean return, a failed read, or a return that could not end
// the transaction) sees what was committed meanwhile.
#include "store/connection_pool.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "store/query.h"
#include "support/temp_dir.h"

namespace ordo::store {
namespace {

// A real SQLite connection whose Commit() and Rollback() can be made to fail, as a broken
// connection's might.
class EndsCanFail final : public Connection {
 public:
  EndsCanFail(ConnectionPtr inner, const bool& fail) : inner_(std::move(inner)), fail_(fail) {}
  StatementPtr Acquire(std::string_view sql) override { return inner_->Acquire(sql); }
  void Release(StatementPtr s) override { inner_->Release(std::move(s)); }
  void Execute(std::string_view sql) override { inner_->Execute(sql); }
  int64_t ChangedRows() const override { return inner_->ChangedRows(); }
  int64_t TotalChanges() const override { return inner_->TotalChanges(); }
  void Begin() override { inner_->Begin(); }
  void BeginRead() override { inner_->BeginRead(); }
  void Commit() override {
    if (fail_) throw StoreError(StoreErrorKind::kIo, "commit failed");
    inner_->Commit();
  }
  void Rollback() override {
    if (fail_) throw StoreError(StoreErrorKind::kIo, "rollback failed");
    inner_->Rollback();
  }
  bool InTransaction() const override { return inner_->InTransaction(); }
  std::string_view Backend() const override { return inner_->Backend(); }

 private:
  ConnectionPtr inner_;
  const bool& fail_;
};

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

TEST_F(ConnectionPoolTest, AConnectionItsReturnCouldNotEndIsCleanedBeforeItIsLent) {
  bool fail_ends = false;
  ConnectionPool pool(1, [&] { return std::make_unique<EndsCanFail>(db_.Connect(), fail_ends); });
  {
    auto lease = pool.Borrow();
    EXPECT_EQ(Value(*lease), "before");
    fail_ends = true;  // the return can neither commit nor roll back
  }
  fail_ends = false;
  Exec(*writer_, "UPDATE t SET v = 'after' WHERE k = 1");
  auto again = pool.Borrow();  // not "cannot start a transaction within a transaction"
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
