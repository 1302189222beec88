// The group-commit executor on a real SQLite file: answers after the durable commit, one
// savepoint per command, batches under load, fallback to one transaction per command.
#include "store/command_executor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <future>
#include <latch>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/money.h"
#include "store/query.h"
#include "support/temp_dir.h"

namespace ordo::store {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL "
    "  REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);"
    "CREATE TABLE poison (id INTEGER PRIMARY KEY);"
    "CREATE TRIGGER poison_rolls_back BEFORE INSERT ON poison "
    "  BEGIN SELECT RAISE(ROLLBACK, 'poisoned'); END;";

// "k7" for ("k", 7).
std::string Numbered(std::string prefix, int n) {
  prefix += std::to_string(n);
  return prefix;
}

void Put(Connection& c, const std::string& key) {
  Exec(c, "INSERT INTO kv (k) VALUES (?)", key);
}

CommandFn Insert(const std::string& key) {
  return [key](Connection& c) {
    Put(c, key);
    return Status::Ok();
  };
}

std::future<Status> SubmitFuture(CommandExecutor& ex, CommandFn fn) {
  auto promise = std::make_shared<std::promise<Status>>();
  auto future = promise->get_future();
  ex.Submit(std::move(fn), [promise](const Status& s) { promise->set_value(s); });
  return future;
}

// Holds the writer inside a command so that later submissions queue up behind it.
class Gate {
 public:
  // Submits the holding command and returns once the writer is inside it.
  std::future<Status> Close(CommandExecutor& ex) {
    auto f = SubmitFuture(ex, [this](Connection&) {
      started_.count_down();
      release_.wait();
      return Status::Ok();
    });
    started_.wait();
    return f;
  }
  void Open() { release_.count_down(); }

 private:
  std::latch started_{1};
  std::latch release_{1};
};

class CommandExecutorTest : public ::testing::Test {
 protected:
  CommandExecutorTest() { db_.Connect()->Execute(kSchema); }

  std::unique_ptr<CommandExecutor> Start(CommandExecutor::Options options = {}) {
    return std::make_unique<CommandExecutor>(db_.Connect(), options);
  }

  // Committed keys, read through a new connection.
  std::set<std::string> Keys() {
    ConnectionPtr c = db_.Connect();
    std::set<std::string> out;
    Query q(*c, "SELECT k FROM kv");
    while (q.Next()) out.insert(q.Text(0));
    return out;
  }
  int64_t CountOf(const std::string& table) {
    ConnectionPtr c = db_.Connect();
    Query q(*c, "SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(q.Next());
    return q.Int(0);
  }

  test_support::TempDb db_;
};

TEST_F(CommandExecutorTest, RunReturnsOnlyOnceANewConnectionSeesTheRow) {
  auto ex = Start();
  ASSERT_TRUE(ex->Run(Insert("a")).ok());
  // No waiting, no executor shutdown: the commit is done when Run returns.
  EXPECT_EQ(Keys(), (std::set<std::string>{"a"}));
  ASSERT_TRUE(ex->Run(Insert("b")).ok());
  EXPECT_EQ(Keys(), (std::set<std::string>{"a", "b"}));
}

TEST_F(CommandExecutorTest, WriterConnectionIsDurableOnCommit) {
  auto ex = Start();
  int64_t synchronous = -1;
  std::string journal;
  ASSERT_TRUE(ex->Run([&](Connection& c) {
                  Query q(c, "PRAGMA synchronous");
                  if (q.Next()) synchronous = q.Int(0);
                  Query j(c, "PRAGMA journal_mode");
                  if (j.Next()) journal = j.Text(0);
                  return Status::Ok();
                }).ok());
  EXPECT_EQ(synchronous, 2) << "expected synchronous=FULL";
  EXPECT_EQ(journal, "wal");
}

TEST_F(CommandExecutorTest, CommittedRowsSurviveTheExecutorAndItsConnection) {
  {
    auto ex = Start();
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(ex->Run(Insert(Numbered("k", i))).ok());
  }
  EXPECT_EQ(Keys().size(), 5u);
}

TEST_F(CommandExecutorTest, CommandRunsInsideATransaction) {
  auto ex = Start();
  bool in_tx = false;
  ASSERT_TRUE(ex->Run([&](Connection& c) {
                  in_tx = c.InTransaction();
                  return Status::Ok();
                }).ok());
  EXPECT_TRUE(in_tx);
}

TEST_F(CommandExecutorTest, FailedStatusRollsBackTheCommandsWrites) {
  auto ex = Start();
  Status st = ex->Run([](Connection& c) {
    Put(c, "partial");
    return Status(ErrorCode::kInsufficientStock, "not enough");
  });
  EXPECT_EQ(st.code(), ErrorCode::kInsufficientStock);
  EXPECT_EQ(st.message(), "not enough");
  EXPECT_TRUE(Keys().empty());
}

TEST_F(CommandExecutorTest, ExceptionsBecomeStatusesAndRollBack) {
  auto ex = Start();
  ASSERT_TRUE(ex->Run(Insert("taken")).ok());
  struct Case {
    const char* name;
    CommandFn fn;
    ErrorCode code;
  };
  std::vector<Case> cases = {
      {"runtime_error",
       [](Connection& c) -> Status {
         Put(c, "x1");
         throw std::runtime_error("boom");
       },
       ErrorCode::kInternal},
      {"unique violation",
       [](Connection& c) -> Status {
         Put(c, "x2");
         Put(c, "taken");
         return Status::Ok();
       },
       ErrorCode::kConflict},
      {"not null violation",
       [](Connection& c) -> Status {
         Put(c, "x3");
         Exec(c, "INSERT INTO kv (k, v) VALUES ('x4', NULL)");
         return Status::Ok();
       },
       ErrorCode::kInternal},
      {"money overflow",
       [](Connection& c) -> Status {
         Put(c, "x5");
         (void)(Money::FromUnits(INT64_MAX) + Money::FromUnits(1));
         return Status::Ok();
       },
       ErrorCode::kInvalidArgument},
  };
  for (auto& c : cases) {
    Status st = ex->Run(c.fn);
    EXPECT_EQ(st.code(), c.code) << c.name << ": " << st.ToString();
  }
  EXPECT_EQ(Keys(), (std::set<std::string>{"taken"}));
}

TEST_F(CommandExecutorTest, FailingCommandsRollBackAloneWhileTheirBatchCommits) {
  auto ex = Start();
  Gate gate;
  auto held = gate.Close(*ex);
  std::vector<std::future<Status>> f;
  f.push_back(SubmitFuture(*ex, Insert("ok1")));
  f.push_back(SubmitFuture(*ex, [](Connection& c) {
    Put(c, "status");
    return Status::InvalidArgument("rejected");
  }));
  f.push_back(SubmitFuture(*ex, [](Connection& c) -> Status {
    Put(c, "throws");
    throw std::runtime_error("boom");
  }));
  f.push_back(SubmitFuture(*ex, [](Connection& c) {
    Put(c, "dup-first");
    Put(c, "ok1");  // taken by the first command of this batch
    return Status::Ok();
  }));
  f.push_back(SubmitFuture(*ex, Insert("ok2")));
  gate.Open();

  EXPECT_TRUE(held.get().ok());
  EXPECT_TRUE(f[0].get().ok());
  EXPECT_EQ(f[1].get().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(f[2].get().code(), ErrorCode::kInternal);
  EXPECT_EQ(f[3].get().code(), ErrorCode::kConflict);
  EXPECT_TRUE(f[4].get().ok());
  EXPECT_EQ(Keys(), (std::set<std::string>{"ok1", "ok2"}));
  ExecutorStats stats = ex->Stats();
  EXPECT_EQ(stats.batches, 2) << "the five commands must have shared one batch";
  EXPECT_EQ(stats.max_batch, 5);
  EXPECT_EQ(stats.commands, 6);
}

TEST_F(CommandExecutorTest, CommandSeesEarlierCommandsOfItsBatchButNotFailedOnes) {
  auto ex = Start();
  Gate gate;
  auto held = gate.Close(*ex);
  auto a = SubmitFuture(*ex, Insert("a"));
  auto bad = SubmitFuture(*ex, [](Connection& c) {
    Put(c, "bad");
    return Status::Conflict("no");
  });
  std::set<std::string> seen;
  auto reader = SubmitFuture(*ex, [&](Connection& c) {
    Query q(c, "SELECT k FROM kv");
    while (q.Next()) seen.insert(q.Text(0));
    return Status::Ok();
  });
  gate.Open();
  held.get();
  EXPECT_TRUE(a.get().ok());
  EXPECT_FALSE(bad.get().ok());
  EXPECT_TRUE(reader.get().ok());
  EXPECT_EQ(seen, (std::set<std::string>{"a"}));
}

TEST_F(CommandExecutorTest, BatchRolledBackBySqliteFallsBackToOneTransactionPerCommand) {
  auto ex = Start();
  Gate gate;
  auto held = gate.Close(*ex);
  auto a = SubmitFuture(*ex, Insert("a"));
  // RAISE(ROLLBACK) makes SQLite roll back the whole batch transaction, not just the command.
  auto poisoned = SubmitFuture(*ex, [](Connection& c) {
    Put(c, "p");
    Exec(c, "INSERT INTO poison (id) VALUES (1)");
    return Status::Ok();
  });
  auto b = SubmitFuture(*ex, Insert("b"));
  gate.Open();
  held.get();
  EXPECT_TRUE(a.get().ok());
  Status p = poisoned.get();
  EXPECT_FALSE(p.ok());
  EXPECT_TRUE(b.get().ok());
  EXPECT_EQ(Keys(), (std::set<std::string>{"a", "b"}));
  EXPECT_EQ(CountOf("poison"), 0);
}

TEST_F(CommandExecutorTest, CommitFailureFallsBackToOneTransactionPerCommand) {
  auto ex = Start();
  Gate gate;
  auto held = gate.Close(*ex);
  auto a = SubmitFuture(*ex, Insert("a"));
  // A deferred foreign key is only checked at COMMIT: the batch's commit fails.
  auto dangling = SubmitFuture(*ex, [](Connection& c) {
    Put(c, "dangling");
    Exec(c, "INSERT INTO child (id, parent_id) VALUES (1, 999)");
    return Status::Ok();
  });
  auto b = SubmitFuture(*ex, Insert("b"));
  gate.Open();
  held.get();
  EXPECT_TRUE(a.get().ok());
  EXPECT_FALSE(dangling.get().ok());
  EXPECT_TRUE(b.get().ok());
  EXPECT_EQ(Keys(), (std::set<std::string>{"a", "b"}));
  EXPECT_EQ(CountOf("child"), 0);
  // The writer is healthy afterwards.
  EXPECT_TRUE(ex->Run(Insert("c")).ok());
  EXPECT_EQ(Keys().count("c"), 1u);
}

TEST_F(CommandExecutorTest, RunForReturnsTheValueOnSuccess) {
  auto ex = Start();
  Result<int64_t> r = ex->RunFor<int64_t>([](Connection& c) -> Result<int64_t> {
    Query q(c, "INSERT INTO kv (k, v) VALUES ('a', 41) RETURNING v + 1");
    if (!q.Next()) return Status::Internal("no row");
    return q.Int(0);
  });
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, 42);
  EXPECT_EQ(Keys(), (std::set<std::string>{"a"}));
}

TEST_F(CommandExecutorTest, RunForReturnsTheCommandsError) {
  auto ex = Start();
  Result<std::string> r = ex->RunFor<std::string>([](Connection& c) -> Result<std::string> {
    Put(c, "a");
    return Status::NotFound("no such thing");
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(r.status().message(), "no such thing");
  EXPECT_TRUE(Keys().empty());
}

TEST_F(CommandExecutorTest, RunForGivesNoValueWhenTheCommitFails) {
  auto ex = Start();
  Result<std::string> r = ex->RunFor<std::string>([](Connection& c) -> Result<std::string> {
    Put(c, "a");
    Exec(c, "INSERT INTO child (id, parent_id) VALUES (1, 999)");
    return std::string("value of an uncommitted change");
  });
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(Keys().empty());
  EXPECT_EQ(CountOf("child"), 0);
}

TEST_F(CommandExecutorTest, RunForGivesNoValueWhenTheCommandThrows) {
  auto ex = Start();
  Result<int> r = ex->RunFor<int>([](Connection& c) -> Result<int> {
    Put(c, "a");
    Put(c, "a");
    return 1;
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kConflict);
  EXPECT_TRUE(Keys().empty());
}

TEST_F(CommandExecutorTest, ManyThreadsSubmittingConcurrentlyAllGetTheirOwnAnswer) {
  auto ex = Start();
  constexpr int kThreads = 16;
  constexpr int kPerThread = 40;
  std::vector<std::vector<Status>> results(kThreads);
  std::latch go(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      go.arrive_and_wait();
      for (int i = 0; i < kPerThread; ++i) {
        std::string key = Numbered(Numbered("", t) + "/", i);
        bool fail = (t + i) % 7 == 0;
        results[t].push_back(ex->Run([key, fail](Connection& c) {
          Put(c, key);
          return fail ? Status::InvalidArgument("fail " + key) : Status::Ok();
        }));
      }
    });
  }
  for (auto& th : threads) th.join();

  std::set<std::string> expected;
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(results[t].size(), static_cast<size_t>(kPerThread));
    for (int i = 0; i < kPerThread; ++i) {
      std::string key = Numbered(Numbered("", t) + "/", i);
      if ((t + i) % 7 == 0) {
        EXPECT_EQ(results[t][i].code(), ErrorCode::kInvalidArgument) << key;
        EXPECT_EQ(results[t][i].message(), "fail " + key);
      } else {
        EXPECT_TRUE(results[t][i].ok()) << key << ": " << results[t][i].ToString();
        expected.insert(key);
      }
    }
  }
  EXPECT_EQ(Keys(), expected);
  ExecutorStats stats = ex->Stats();
  EXPECT_EQ(stats.commands, kThreads * kPerThread);
  EXPECT_LE(stats.batches, stats.commands);
}

// Lets the steady clock move on (by any amount), so that two reads of a time figure are
// apart in time. Nothing is asserted on how long it took.
void LetTheClockMove() {
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() == start) std::this_thread::yield();
}

// While a command holds the writer its waiting time stands still, exactly; with nothing
// queued it grows, and grows while the wait is still going on (no command ends it). Asserted
// on the counter alone, never on how long anything took.
TEST_F(CommandExecutorTest, WaitTimeCountsOnlyTimeWithNothingQueued) {
  auto ex = Start();
  ASSERT_TRUE(ex->Run(Insert("a")).ok());
  Gate gate;
  auto held = gate.Close(*ex);
  const double busy_from = ex->Stats().writer_wait_seconds;
  LetTheClockMove();
  EXPECT_EQ(ex->Stats().writer_wait_seconds, busy_from);
  gate.Open();
  EXPECT_TRUE(held.get().ok());

  // Nothing is queued from here on, so the writer goes back to waiting and stays there: the
  // figure can only grow by counting the wait in progress. The deadline only turns a figure
  // that never grows into a failure instead of a hang; nothing is timed against it.
  double waiting = ex->Stats().writer_wait_seconds;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (waiting <= busy_from && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::yield();
    waiting = ex->Stats().writer_wait_seconds;
  }
  ASSERT_GT(waiting, busy_from) << "the wait in progress was never counted";
  LetTheClockMove();
  EXPECT_GT(ex->Stats().writer_wait_seconds, waiting);
  EXPECT_EQ(ex->Stats().commands, 2);  // no command ended the wait
}

TEST_F(CommandExecutorTest, BatchesFormWhenThreadsQueueBehindABusyWriter) {
  auto ex = Start();
  constexpr int kThreads = 24;
  Gate gate;
  auto held = gate.Close(*ex);
  std::latch queued(kThreads);
  std::vector<Status> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto f = SubmitFuture(*ex, Insert(Numbered("t", t)));
      queued.count_down();
      results[t] = f.get();
    });
  }
  queued.wait();  // every thread has queued its command while the writer is held
  gate.Open();
  for (auto& th : threads) th.join();
  EXPECT_TRUE(held.get().ok());
  for (int t = 0; t < kThreads; ++t) EXPECT_TRUE(results[t].ok()) << t;
  EXPECT_EQ(Keys().size(), static_cast<size_t>(kThreads));
  ExecutorStats stats = ex->Stats();
  EXPECT_GT(stats.max_batch, 1);
  EXPECT_EQ(stats.max_batch, kThreads);
  EXPECT_EQ(stats.batches, 2);
}

TEST_F(CommandExecutorTest, MaxBatchOptionCapsTheBatchSize) {
  auto ex = Start(CommandExecutor::Options{4});
  Gate gate;
  auto held = gate.Close(*ex);
  std::vector<std::future<Status>> f;
  for (int i = 0; i < 10; ++i) f.push_back(SubmitFuture(*ex, Insert(Numbered("k", i))));
  gate.Open();
  held.get();
  for (auto& x : f) EXPECT_TRUE(x.get().ok());
  ExecutorStats stats = ex->Stats();
  EXPECT_EQ(stats.max_batch, 4);
  EXPECT_EQ(stats.batches, 1 + 3);  // the gate, then 4 + 4 + 2
  EXPECT_EQ(stats.commands, 11);
}

TEST_F(CommandExecutorTest, ZeroMaxBatchIsTakenAsOne) {
  auto ex = Start(CommandExecutor::Options{0});
  EXPECT_TRUE(ex->Run(Insert("a")).ok());
  EXPECT_TRUE(ex->Run(Insert("b")).ok());
  EXPECT_EQ(ex->Stats().max_batch, 1);
  EXPECT_EQ(ex->Stats().commands, 2);
}

TEST_F(CommandExecutorTest, CommandsRunInArrivalOrder) {
  auto ex = Start();
  Gate gate;
  auto held = gate.Close(*ex);
  std::vector<int> order;
  std::vector<int64_t> seen_rows;
  std::vector<std::future<Status>> f;
  for (int i = 0; i < 30; ++i) {
    f.push_back(SubmitFuture(*ex, [&, i](Connection& c) {
      Query q(c, "SELECT COUNT(*) FROM kv");
      q.Next();
      seen_rows.push_back(q.Int(0));
      order.push_back(i);
      Put(c, Numbered("k", i));
      return Status::Ok();
    }));
  }
  gate.Open();
  held.get();
  for (auto& x : f) ASSERT_TRUE(x.get().ok());
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(order[i], i);
    EXPECT_EQ(seen_rows[i], i);
  }
}

TEST_F(CommandExecutorTest, CallersAreAnsweredOnlyAfterTheBatchCommitted) {
  auto ex = Start();
  Gate gate;
  auto held = gate.Close(*ex);
  constexpr int kCommands = 6;
  std::mutex mu;
  std::vector<size_t> visible_at_answer;
  std::vector<std::future<void>> answered;
  for (int i = 0; i < kCommands; ++i) {
    auto promise = std::make_shared<std::promise<void>>();
    answered.push_back(promise->get_future());
    ex->Submit(Insert(Numbered("k", i)), [&, promise](const Status& s) {
      EXPECT_TRUE(s.ok());
      // Another connection must already see every command of the batch, including later ones.
      size_t n = Keys().size();
      {
        std::lock_guard lock(mu);
        visible_at_answer.push_back(n);
      }
      promise->set_value();
    });
  }
  gate.Open();
  held.get();
  for (auto& a : answered) a.get();
  ASSERT_EQ(visible_at_answer.size(), static_cast<size_t>(kCommands));
  for (size_t n : visible_at_answer) EXPECT_EQ(n, static_cast<size_t>(kCommands));
}

TEST_F(CommandExecutorTest, DestructorFinishesEverySubmittedCommand) {
  constexpr int kCommands = 100;
  std::atomic<int> ok{0};
  std::atomic<int> answered{0};
  {
    auto ex = Start();
    for (int i = 0; i < kCommands; ++i) {
      ex->Submit(Insert(Numbered("k", i)), [&](const Status& s) {
        if (s.ok()) ok++;
        answered++;
      });
    }
  }
  EXPECT_EQ(answered.load(), kCommands);
  EXPECT_EQ(ok.load(), kCommands);
  EXPECT_EQ(Keys().size(), static_cast<size_t>(kCommands));
}

TEST_F(CommandExecutorTest, StatsCountBatchesAndCommands) {
  auto ex = Start();
  EXPECT_EQ(ex->Stats().batches, 0);
  EXPECT_EQ(ex->Stats().commands, 0);
  ASSERT_TRUE(ex->Run(Insert("a")).ok());
  ASSERT_FALSE(ex->Run(Insert("a")).ok());
  ExecutorStats stats = ex->Stats();
  EXPECT_EQ(stats.batches, 2);
  EXPECT_EQ(stats.commands, 2);
  EXPECT_EQ(stats.max_batch, 1);
}

// A command may throw something that is not a std::exception (a library's own type, an int).
// The executor must answer it like any other failure and keep serving; run in a child process
// so that a crash of the writer thread fails this test only. "fast" (fork only) keeps the child
// on this fixture's database, which the parent removes; no thread or connection is open here.
TEST_F(CommandExecutorTest, NonStdExceptionIsAnsweredAsInternalAndTheWriterSurvives) {
  GTEST_FLAG_SET(death_test_style, "fast");
  EXPECT_EXIT(
      {
        auto ex = Start();
        Status thrown = ex->Run([](Connection& c) -> Status {
          Put(c, "thrown");
          throw 42;
        });
        Status after = ex->Run(Insert("after"));
        bool good = thrown.code() == ErrorCode::kInternal && after.ok() &&
                    Keys() == std::set<std::string>{"after"};
        std::_Exit(good ? 0 : 3);
      },
      ::testing::ExitedWithCode(0), "");
}

}  // namespace
}  // namespace ordo::store
