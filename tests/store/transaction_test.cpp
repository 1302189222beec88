// Transaction and Savepoint: RAII commit and rollback on a real SQLite file.
#include "store/transaction.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "store/query.h"
#include "support/temp_dir.h"

namespace ordo::store {
namespace {

class TransactionTest : public ::testing::Test {
 protected:
  TransactionTest() : conn_(db_.Connect()) {
    conn_->Execute("CREATE TABLE t (k TEXT PRIMARY KEY)");
  }

  // The keys of t in order, read through a separate connection (what is committed).
  std::string CommittedKeys() {
    ConnectionPtr other = db_.Connect();
    Query q(*other, "SELECT COALESCE(group_concat(k, ','), '') FROM (SELECT k FROM t ORDER BY k)");
    EXPECT_TRUE(q.Next());
    return q.Text(0);
  }
  void Insert(const std::string& k) { Exec(*conn_, "INSERT INTO t (k) VALUES (?)", k); }

  test_support::TempDb db_;
  ConnectionPtr conn_;
};

TEST_F(TransactionTest, CommitMakesWorkVisibleToOtherConnections) {
  {
    Transaction tx(*conn_);
    EXPECT_TRUE(conn_->InTransaction());
    Insert("a");
    EXPECT_EQ(CommittedKeys(), "");  // not before the commit
    tx.Commit();
  }
  EXPECT_FALSE(conn_->InTransaction());
  EXPECT_EQ(CommittedKeys(), "a");
}

TEST_F(TransactionTest, DestructionWithoutCommitRollsBack) {
  Insert("before");
  {
    Transaction tx(*conn_);
    Insert("a");
    Insert("b");
  }
  EXPECT_FALSE(conn_->InTransaction());
  EXPECT_EQ(CommittedKeys(), "before");
  Query q(*conn_, "SELECT COUNT(*) FROM t");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), 1);
}

TEST_F(TransactionTest, ExceptionUnwindingRollsBack) {
  EXPECT_THROW(
      {
        Transaction tx(*conn_);
        Insert("a");
        Insert("a");  // unique violation throws StoreError
        tx.Commit();
      },
      StoreError);
  EXPECT_FALSE(conn_->InTransaction());
  EXPECT_EQ(CommittedKeys(), "");
}

TEST_F(TransactionTest, BeginTakesTheWriteLockAtOnce) {
  Transaction tx(*conn_);
  SqliteOptions no_wait;
  no_wait.busy_timeout_ms = 0;
  ConnectionPtr other = db_.Connect(no_wait);
  try {
    other->Begin();
    ADD_FAILURE() << "a second writer got the lock while a transaction is open";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreErrorKind::kBusy) << e.what();
  }
  EXPECT_FALSE(other->InTransaction());
}

TEST_F(TransactionTest, ReadersSeeTheLastCommitWhileAWriterIsOpen) {
  Insert("a");
  Transaction tx(*conn_);
  Insert("b");
  EXPECT_EQ(CommittedKeys(), "a");  // WAL: readers are not blocked and see committed data
  tx.Commit();
  EXPECT_EQ(CommittedKeys(), "a,b");
}

TEST_F(TransactionTest, SavepointRollbackKeepsTheOuterTransaction) {
  {
    Transaction tx(*conn_);
    Insert("a");
    {
      Savepoint sp(*conn_, "inner");
      Insert("b");
    }  // destroyed without Release: rolled back
    EXPECT_TRUE(conn_->InTransaction());
    Insert("c");
    tx.Commit();
  }
  EXPECT_EQ(CommittedKeys(), "a,c");
}

TEST_F(TransactionTest, SavepointExplicitRollBackKeepsTheOuterTransaction) {
  Transaction tx(*conn_);
  Insert("a");
  Savepoint sp(*conn_, "inner");
  Insert("b");
  sp.RollBack();
  EXPECT_TRUE(conn_->InTransaction());
  Insert("b");  // the key is free again
  tx.Commit();
  EXPECT_EQ(CommittedKeys(), "a,b");
}

TEST_F(TransactionTest, ReleasedSavepointKeepsItsWork) {
  {
    Transaction tx(*conn_);
    Savepoint sp(*conn_, "inner");
    Insert("a");
    sp.Release();
    EXPECT_TRUE(conn_->InTransaction());
    tx.Commit();
  }
  EXPECT_EQ(CommittedKeys(), "a");
}

TEST_F(TransactionTest, ReleasedSavepointIsUndoneWhenTheOuterTransactionRollsBack) {
  {
    Transaction tx(*conn_);
    Savepoint sp(*conn_, "inner");
    Insert("a");
    sp.Release();
  }
  EXPECT_EQ(CommittedKeys(), "");
}

TEST_F(TransactionTest, SavepointsNestAndRollBackIndependently) {
  {
    Transaction tx(*conn_);
    Savepoint outer(*conn_, "outer");
    Insert("a");
    {
      Savepoint inner(*conn_, "inner");
      Insert("b");
    }
    Insert("c");
    outer.Release();
    tx.Commit();
  }
  EXPECT_EQ(CommittedKeys(), "a,c");
}

TEST_F(TransactionTest, SavepointSurvivesTheTransactionBeingRolledBackUnderIt) {
  Insert("kept");
  {
    Transaction tx(*conn_);
    Savepoint sp(*conn_, "inner");
    Insert("a");
    conn_->Execute("ROLLBACK");  // as SQLite does itself on some errors
    EXPECT_FALSE(conn_->InTransaction());
    EXPECT_NO_THROW(sp.RollBack());
  }  // neither destructor may throw
  EXPECT_EQ(CommittedKeys(), "kept");
  Transaction tx(*conn_);  // the connection is usable again
  Insert("b");
  tx.Commit();
  EXPECT_EQ(CommittedKeys(), "b,kept");
}

}  // namespace
}  // namespace ordo::store
