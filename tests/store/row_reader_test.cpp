// RowReader and FindOne: columns read in SELECT order, NULLs as empty optionals, a lookup
// that finds nothing, and details loaded after the header's statement is closed.
#include "store/row_reader.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "store/database.h"
#include "store/query.h"
#include "support/temp_dir.h"

namespace ordo::store {
namespace {

struct Doc {
  OrderId id;
  std::string number;
  Money total;
  std::optional<Date> due;
  std::optional<Timestamp> at;
  std::optional<CustomerId> customer;
  bool settled = false;
  std::vector<int64_t> lines;
};

Doc ReadDoc(RowReader& r) {
  Doc d;
  d.id = r.Id<OrderId>();
  d.number = r.Text();
  d.total = r.Amount();
  d.due = r.OptDate();
  d.at = r.OptTime();
  d.customer = r.OptId<CustomerId>();
  d.settled = r.Bool();
  return d;
}

class RowReaderTest : public ::testing::Test {
 protected:
  RowReaderTest() : conn_(db_.Connect()) {
    conn_->Execute(
        "CREATE TABLE docs (id INTEGER PRIMARY KEY, number TEXT, total BIGINT, due TEXT, "
        "at BIGINT, customer_id BIGINT, settled INTEGER);"
        "CREATE TABLE doc_lines (doc_id BIGINT, qty BIGINT);"
        "INSERT INTO docs VALUES (7, 'D-7', 1234500, '2026-03-01', 99, 3, 1);"
        "INSERT INTO docs VALUES (8, 'D-8', 0, NULL, NULL, NULL, 0);"
        "INSERT INTO doc_lines VALUES (7, 5), (7, 6), (8, 1);");
  }

  std::optional<Doc> ByNumber(const std::string& number) {
    return FindOne(
        *conn_,
        "SELECT id, number, total, due, at, customer_id, settled FROM docs WHERE number = ?",
        number, ReadDoc, [this](Doc& d) {
          // The header's statement is closed here, so the same SQL text could run again.
          Query q(*conn_, "SELECT qty FROM doc_lines WHERE doc_id = ? ORDER BY qty", d.id);
          while (q.Next()) d.lines.push_back(q.Int(0));
        });
  }

  test_support::TempDb db_;
  ConnectionPtr conn_;
};

TEST_F(RowReaderTest, ReadsColumnsInSelectOrder) {
  auto d = ByNumber("D-7");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->id, OrderId(7));
  EXPECT_EQ(d->number, "D-7");
  EXPECT_EQ(d->total, Money::FromUnits(1234500));
  ASSERT_TRUE(d->due);
  EXPECT_EQ(FormatDate(*d->due), "2026-03-01");
  ASSERT_TRUE(d->at);
  EXPECT_EQ(d->at->micros, 99);
  EXPECT_EQ(d->customer, CustomerId(3));
  EXPECT_TRUE(d->settled);
  EXPECT_EQ(d->lines, (std::vector<int64_t>{5, 6}));
}

TEST_F(RowReaderTest, NullsAreEmptyOptionals) {
  auto d = ByNumber("D-8");
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->due);
  EXPECT_FALSE(d->at);
  EXPECT_FALSE(d->customer);
  EXPECT_FALSE(d->settled);
  EXPECT_EQ(d->lines, (std::vector<int64_t>{1}));
}

TEST_F(RowReaderTest, NoRowIsNothingAndLoadsNoDetails) {
  EXPECT_FALSE(ByNumber("D-9"));
}

TEST_F(RowReaderTest, StartsAtAGivenColumnAndSkips) {
  Query q(*conn_, "SELECT id, number, total FROM docs WHERE id = 7");
  ASSERT_TRUE(q.Next());
  RowReader r(q, 1);
  EXPECT_EQ(r.Text(), "D-7");
  r.Skip();
  EXPECT_EQ(r.column(), 3);
}

}  // namespace
}  // namespace ordo::store
