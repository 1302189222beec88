// The general ledger's Post: an entry that does not balance, or names an account outside the
// chart, is refused and writes nothing; a negative amount books the other side.
#include "ledger/journal.h"

#include <gtest/gtest.h>

#include "ledger/accounts.h"
#include "support/test_db.h"

namespace ordo::ledger {
namespace {

namespace acc = ledger::accounts;
using test_support::Dollars;

TEST(JournalTest, RefusesUnbalancedEntriesAndUnknownAccounts) {
  test_support::TestDb db;
  CommandContext ctx = db.Context("system");
  ledger::JournalEntry e;
  e.date = *ParseDate("2026-03-02");
  e.kind = "test";
  e.source = "test";
  e.Debit(acc::kCash, Dollars("10.00"));
  e.Credit(acc::kRevenue, Dollars("9.99"));
  Status st = db.executor().Run([&](store::Connection& c) {
    ledger::Post(c, ctx, e);
    return Status::Ok();
  });
  EXPECT_FALSE(st.ok());
  ledger::JournalEntry unknown = e;
  unknown.lines.clear();
  unknown.Debit("9999", Dollars("1.00"));
  unknown.Credit(acc::kCash, Dollars("1.00"));
  st = db.executor().Run([&](store::Connection& c) {
    ledger::Post(c, ctx, unknown);
    return Status::Ok();
  });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(db.Count("journal_entries"), 0);
  EXPECT_EQ(db.Count("journal_lines"), 0);

  // A negative amount books the other side; zero books nothing.
  ledger::JournalEntry signed_entry;
  signed_entry.Debit(acc::kCash, -Dollars("5.00"));
  signed_entry.Credit(acc::kRevenue, -Dollars("5.00"));
  signed_entry.Debit(acc::kInventory, Money());
  ASSERT_EQ(signed_entry.lines.size(), 2u);
  EXPECT_EQ(signed_entry.lines[0].credit, Dollars("5.00"));
  EXPECT_EQ(signed_entry.lines[1].debit, Dollars("5.00"));
}

}  // namespace
}  // namespace ordo::ledger
