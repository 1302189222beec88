// Query: typed bindings and column access on a real SQLite file, statement reuse and nesting.
#include "store/query.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "store/database.h"
#include "support/temp_dir.h"

namespace ordo::store {
namespace {

// "k7" for ("k", 7).
std::string Numbered(std::string prefix, int n) {
  prefix += std::to_string(n);
  return prefix;
}

class QueryTest : public ::testing::Test {
 protected:
  QueryTest() : conn_(db_.Connect()) {
    conn_->Execute(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, i BIGINT, s TEXT, d TEXT, "
        "u TEXT UNIQUE, nn TEXT NOT NULL DEFAULT 'x', c BIGINT CHECK (c >= 0), "
        "p INTEGER REFERENCES parent (id));"
        "CREATE TABLE parent (id INTEGER PRIMARY KEY);");
  }

  // The SQLite type name and the value as text of column `column` of row `id`.
  std::pair<std::string, std::string> Stored(int64_t id, std::string_view column) {
    Query q(*conn_,
            "SELECT typeof(" + std::string(column) + "), quote(" + std::string(column) +
                ") FROM t WHERE id = ?",
            id);
    EXPECT_TRUE(q.Next());
    return {q.Text(0), q.Text(1)};
  }

  test_support::TempDb db_;
  ConnectionPtr conn_;
};

TEST_F(QueryTest, IntegersRoundTripAtTheLimits) {
  const int64_t values[] = {
      0, 1, -1, 42, std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()};
  int64_t id = 0;
  for (int64_t v : values) {
    Exec(*conn_, "INSERT INTO t (id, i) VALUES (?, ?)", ++id, v);
    Query q(*conn_, "SELECT i FROM t WHERE id = ?", id);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Int(0), v);
    EXPECT_FALSE(q.IsNull(0));
    EXPECT_EQ(Stored(id, "i").first, "integer");
  }
}

TEST_F(QueryTest, SmallIntegerTypesAndBoolBindAsIntegers) {
  Exec(*conn_, "INSERT INTO t (id, i, c) VALUES (?, ?, ?)", 1, static_cast<int16_t>(-7), true);
  Exec(*conn_, "INSERT INTO t (id, i, c) VALUES (?, ?, ?)", 2,
       static_cast<uint32_t>(4'000'000'000u), false);
  Query q(*conn_, "SELECT i, c, typeof(c) FROM t ORDER BY id");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), -7);
  EXPECT_TRUE(q.Bool(1));
  EXPECT_EQ(q.Int(1), 1);
  EXPECT_EQ(q.Text(2), "integer");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), 4'000'000'000);
  EXPECT_FALSE(q.Bool(1));
  EXPECT_FALSE(q.Next());
}

TEST_F(QueryTest, TextRoundTripsExactly) {
  const std::string values[] = {"plain", "O'Reilly \"quoted\"", "Zürich — 東京 🚚",
                                std::string(10'000, 'x'), std::string("nul\0inside", 10)};
  int64_t id = 0;
  for (const auto& v : values) {
    Exec(*conn_, "INSERT INTO t (id, s) VALUES (?, ?)", ++id, v);
    Query q(*conn_, "SELECT s, length(CAST(s AS BLOB)) FROM t WHERE id = ?", id);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Text(0), v);
    EXPECT_EQ(q.Int(1), static_cast<int64_t>(v.size()));
  }
}

TEST_F(QueryTest, StringViewConstCharAndStringAllBindAsText) {
  std::string s = "from-string";
  std::string_view sv = "from-view";
  const char* cs = "from-cstr";
  Exec(*conn_, "INSERT INTO t (id, s, d, u) VALUES (1, ?, ?, ?)", s, sv, cs);
  Exec(*conn_, "INSERT INTO t (id, s) VALUES (2, ?)", "literal");
  EXPECT_EQ(Stored(1, "s"), std::make_pair(std::string("text"), std::string("'from-string'")));
  EXPECT_EQ(Stored(1, "d"), std::make_pair(std::string("text"), std::string("'from-view'")));
  EXPECT_EQ(Stored(1, "u"), std::make_pair(std::string("text"), std::string("'from-cstr'")));
  EXPECT_EQ(Stored(2, "s"), std::make_pair(std::string("text"), std::string("'literal'")));
}

TEST_F(QueryTest, EmptyTextIsEmptyTextNotNull) {
  std::string empty_string;
  Exec(*conn_, "INSERT INTO t (id, s) VALUES (1, ?)", empty_string);
  Exec(*conn_, "INSERT INTO t (id, s) VALUES (2, ?)", "");
  Exec(*conn_, "INSERT INTO t (id, s) VALUES (3, ?)", std::string_view(empty_string));
  for (int64_t id : {1, 2, 3}) {
    EXPECT_EQ(Stored(id, "s"), std::make_pair(std::string("text"), std::string("''")))
        << "row " << id;
  }
}

TEST_F(QueryTest, DefaultConstructedStringViewBindsEmptyTextNotNull) {
  // A default std::string_view has data() == nullptr; sqlite3_bind_text treats a null pointer
  // as NULL, so an empty value would silently become NULL (and break NOT NULL columns).
  std::string_view empty;
  Exec(*conn_, "INSERT INTO t (id, s) VALUES (1, ?)", empty);
  EXPECT_EQ(Stored(1, "s"), std::make_pair(std::string("text"), std::string("''")));
  EXPECT_NO_THROW(Exec(*conn_, "INSERT INTO t (id, nn) VALUES (2, ?)", empty));
}

TEST_F(QueryTest, NulloptAndEmptyOptionalsBindNull) {
  std::optional<int64_t> no_int;
  std::optional<std::string> no_text;
  std::optional<Money> no_money;
  std::optional<Date> no_date;
  std::optional<ItemId> no_id;
  Exec(*conn_, "INSERT INTO t (id, i, s, d, c, p) VALUES (1, ?, ?, ?, ?, ?)", no_int, no_text,
       no_date, no_money, no_id);
  Exec(*conn_, "INSERT INTO t (id, i) VALUES (2, ?)", std::nullopt);
  Query q(*conn_, "SELECT i, s, d, c, p FROM t ORDER BY id");
  ASSERT_TRUE(q.Next());
  for (int c = 0; c < 5; ++c) EXPECT_TRUE(q.IsNull(c)) << "column " << c;
  EXPECT_EQ(q.OptInt(0), std::nullopt);
  EXPECT_EQ(q.OptText(1), std::nullopt);
  EXPECT_EQ(q.OptDate(2), std::nullopt);
  ASSERT_TRUE(q.Next());
  EXPECT_TRUE(q.IsNull(0));
}

TEST_F(QueryTest, OptionalsWithValuesBindTheirValue) {
  Exec(*conn_, "INSERT INTO parent (id) VALUES (9)");
  std::optional<int64_t> i = 0;  // zero is a value, not NULL
  std::optional<std::string> s = std::string();
  std::optional<Date> d = DateFromCivil(2026, 2, 28);
  std::optional<Money> m = Money::FromUnits(21'250);
  std::optional<ItemId> p = ItemId(9);
  Exec(*conn_, "INSERT INTO t (id, i, s, d, c, p) VALUES (1, ?, ?, ?, ?, ?)", i, s, d, m, p);
  Query q(*conn_, "SELECT i, s, d, c, p FROM t WHERE id = 1");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.OptInt(0), std::optional<int64_t>(0));
  EXPECT_EQ(q.OptText(1), std::optional<std::string>(""));
  EXPECT_EQ(q.OptDate(2), d);
  EXPECT_EQ(q.Amount(3), *m);
  EXPECT_EQ(q.IdOf<ItemId>(4), ItemId(9));
}

TEST_F(QueryTest, MoneyBindsItsUnits) {
  const Money values[] = {*Money::Parse("2.1250"), *Money::Parse("-0.0001"),
                          Money::FromUnits(std::numeric_limits<int64_t>::max()), Money()};
  int64_t id = 0;
  for (Money m : values) {
    Exec(*conn_, "INSERT INTO t (id, i) VALUES (?, ?)", ++id, m);
    Query q(*conn_, "SELECT i, typeof(i) FROM t WHERE id = ?", id);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Int(0), m.units());
    EXPECT_EQ(q.Amount(0), m);
    EXPECT_EQ(q.Text(1), "integer");
  }
}

TEST_F(QueryTest, DateBindsIsoTextAndReadsBack) {
  const Date dates[] = {DateFromCivil(2026, 11, 24), DateFromCivil(1970, 1, 1),
                        DateFromCivil(2024, 2, 29), DateFromCivil(9999, 12, 31)};
  int64_t id = 0;
  for (Date d : dates) {
    Exec(*conn_, "INSERT INTO t (id, d) VALUES (?, ?)", ++id, d);
    EXPECT_EQ(Stored(id, "d"), std::make_pair(std::string("text"), "'" + FormatDate(d) + "'"));
    Query q(*conn_, "SELECT d FROM t WHERE id = ?", id);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.OptDate(0), std::optional<Date>(d));
  }
  Exec(*conn_, "INSERT INTO t (id, d) VALUES (100, ?)", DateFromCivil(2026, 11, 24));
  EXPECT_EQ(Stored(100, "d").second, "'2026-11-24'");
}

TEST_F(QueryTest, TimestampBindsMicros) {
  Timestamp t{1'772'442'000'123'456};
  Exec(*conn_, "INSERT INTO t (id, i) VALUES (1, ?)", t);
  Exec(*conn_, "INSERT INTO t (id, i) VALUES (2, ?)", Timestamp{-1});
  Query q(*conn_, "SELECT i FROM t ORDER BY id");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), 1'772'442'000'123'456);
  EXPECT_EQ(q.Time(0), t);
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Time(0), Timestamp{-1});
}

TEST_F(QueryTest, TypedIdsBindTheirValue) {
  Exec(*conn_, "INSERT INTO t (id, i, c) VALUES (?, ?, ?)", OrderId(7), CustomerId(123),
       WarehouseId(0));
  Query q(*conn_, "SELECT id, i, c FROM t");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.IdOf<OrderId>(0), OrderId(7));
  EXPECT_EQ(q.IdOf<CustomerId>(1), CustomerId(123));
  EXPECT_EQ(q.IdOf<WarehouseId>(2).value(), 0);
}

TEST_F(QueryTest, ExecReturnsRowsChanged) {
  for (int i = 1; i <= 5; ++i) Exec(*conn_, "INSERT INTO t (id, i) VALUES (?, ?)", i, i % 2);
  EXPECT_EQ(Exec(*conn_, "UPDATE t SET s = 'odd' WHERE i = ?", 1), 3);
  EXPECT_EQ(Exec(*conn_, "UPDATE t SET s = 'none' WHERE i = ?", 99), 0);
  EXPECT_EQ(Exec(*conn_, "DELETE FROM t"), 5);
}

TEST_F(QueryTest, ReusedStatementStartsFreshWithNewBindings) {
  for (int i = 1; i <= 3; ++i)
    Exec(*conn_, "INSERT INTO t (id, s) VALUES (?, ?)", i, Numbered("v", i));
  const std::string sql = "SELECT s FROM t WHERE id >= ? ORDER BY id";
  {
    Query q(*conn_, sql, 1);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Text(0), "v1");
    // Abandoned after one row: the statement goes back to the cache mid-run.
  }
  {
    Query q(*conn_, sql, 3);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Text(0), "v3");
    EXPECT_FALSE(q.Next());
  }
  {
    Query q(*conn_, sql, 2);
    std::vector<std::string> rows;
    while (q.Next()) rows.push_back(q.Text(0));
    EXPECT_EQ(rows, (std::vector<std::string>{"v2", "v3"}));
  }
}

TEST_F(QueryTest, ReusedStatementDoesNotKeepOldBindings) {
  Exec(*conn_, "INSERT INTO t (id, i) VALUES (1, NULL)");
  Exec(*conn_, "INSERT INTO t (id, i) VALUES (2, 5)");
  Exec(*conn_, "INSERT INTO t (id, i) VALUES (3, 5)");
  const std::string sql = "SELECT COUNT(*) FROM t WHERE i IS ?";
  {
    Query q(*conn_, sql, 5);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Int(0), 2);
  }
  {
    // No argument: parameter 1 must be unbound (NULL) again, not the 5 from before.
    Query q(*conn_, sql);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Int(0), 1);
    Query check(*conn_, "SELECT id FROM t WHERE i IS ?");
    ASSERT_TRUE(check.Next());
    EXPECT_EQ(check.Int(0), 1);
  }
}

TEST_F(QueryTest, NestedQueriesOnTheSameSqlAreIndependent) {
  for (int i = 1; i <= 3; ++i) Exec(*conn_, "INSERT INTO t (id, i) VALUES (?, ?)", i, i * 10);
  const std::string sql = "SELECT id, i FROM t WHERE id >= ? ORDER BY id";
  std::vector<std::pair<int64_t, int64_t>> pairs;
  Query outer(*conn_, sql, 1);
  while (outer.Next()) {
    Query inner(*conn_, sql, outer.Int(0));
    while (inner.Next()) {
      // The outer row must still be readable while the inner one runs.
      pairs.emplace_back(outer.Int(1), inner.Int(1));
    }
  }
  EXPECT_EQ(pairs, (std::vector<std::pair<int64_t, int64_t>>{
                       {10, 10}, {10, 20}, {10, 30}, {20, 20}, {20, 30}, {30, 30}}));
}

TEST_F(QueryTest, DeepNestingBeyondTheCacheSizeWorks) {
  for (int i = 1; i <= 8; ++i) Exec(*conn_, "INSERT INTO t (id) VALUES (?)", i);
  const std::string sql = "SELECT id FROM t WHERE id = ?";
  std::vector<std::unique_ptr<Query>> open;
  for (int i = 1; i <= 8; ++i) {
    open.push_back(std::make_unique<Query>(*conn_, sql, i));
    ASSERT_TRUE(open.back()->Next());
  }
  for (int i = 1; i <= 8; ++i) EXPECT_EQ(open[i - 1]->Int(0), i);
  open.clear();
  for (int round = 0; round < 3; ++round) {
    Query q(*conn_, sql, 5);
    ASSERT_TRUE(q.Next());
    EXPECT_EQ(q.Int(0), 5);
  }
}

TEST_F(QueryTest, AbandonedReadDoesNotPinAnOldSnapshot) {
  Exec(*conn_, "INSERT INTO t (id) VALUES (1)");
  ConnectionPtr other = db_.Connect();
  {
    Query q(*other, "SELECT id FROM t ORDER BY id");
    ASSERT_TRUE(q.Next());  // a read transaction is open while the statement runs
  }
  Exec(*conn_, "INSERT INTO t (id) VALUES (2)");
  EXPECT_FALSE(other->InTransaction());
  Query q(*other, "SELECT COUNT(*) FROM t");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), 2);
}

TEST_F(QueryTest, BadSqlThrowsStoreError) {
  EXPECT_THROW(Query(*conn_, "SELEC nothing"), StoreError);
  EXPECT_THROW(Query(*conn_, "SELECT * FROM no_such_table"), StoreError);
}

TEST_F(QueryTest, TextOfOnlyCommentsExecutesAsNothing) {
  // A placeholder migration is one comment line and no statement.
  conn_->Execute("-- nothing to do here\n");
  conn_->Execute("  \n");
  Query q(*conn_, "SELECT COUNT(*) FROM t");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), 0);
}

TEST_F(QueryTest, ConstraintViolationsHaveTheirKind) {
  Exec(*conn_, "INSERT INTO t (id, u) VALUES (1, 'dup')");
  auto kind_of = [&](auto&& fn) -> std::optional<StoreErrorKind> {
    try {
      fn();
    } catch (const StoreError& e) {
      return e.kind();
    }
    return std::nullopt;
  };
  EXPECT_EQ(kind_of([&] { Exec(*conn_, "INSERT INTO t (id, u) VALUES (2, 'dup')"); }),
            StoreErrorKind::kUnique);
  EXPECT_EQ(kind_of([&] { Exec(*conn_, "INSERT INTO t (id) VALUES (1)"); }),
            StoreErrorKind::kUnique);
  EXPECT_EQ(kind_of([&] { Exec(*conn_, "INSERT INTO t (id, nn) VALUES (3, NULL)"); }),
            StoreErrorKind::kConstraint);
  EXPECT_EQ(kind_of([&] { Exec(*conn_, "INSERT INTO t (id, c) VALUES (4, -1)"); }),
            StoreErrorKind::kConstraint);
  EXPECT_EQ(kind_of([&] { Exec(*conn_, "INSERT INTO t (id, p) VALUES (5, 404)"); }),
            StoreErrorKind::kConstraint);
  // Nothing of the failed statements stayed.
  Query q(*conn_, "SELECT COUNT(*) FROM t");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Int(0), 1);
}

TEST_F(QueryTest, StatementUsableAgainAfterItFailed) {
  Exec(*conn_, "INSERT INTO t (id, u) VALUES (1, 'a')");
  const std::string sql = "INSERT INTO t (id, u) VALUES (?, ?)";
  EXPECT_THROW(Exec(*conn_, sql, 2, "a"), StoreError);
  EXPECT_EQ(Exec(*conn_, sql, 3, "b"), 1);
  Query q(*conn_, "SELECT group_concat(u, ',') FROM (SELECT u FROM t ORDER BY id)");
  ASSERT_TRUE(q.Next());
  EXPECT_EQ(q.Text(0), "a,b");
}

}  // namespace
}  // namespace ordo::store
