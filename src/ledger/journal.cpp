#include "ledger/journal.h"

#include <stdexcept>

#include "ledger/accounts.h"
#include "store/query.h"

namespace ordo::ledger {

void JournalEntry::Debit(std::string_view account, Money amount,
                         std::optional<CustomerId> customer) {
  if (amount.is_zero()) return;
  if (amount.is_negative()) return Credit(account, -amount, customer);
  lines.push_back({account, amount, Money(), customer});
}

void JournalEntry::Credit(std::string_view account, Money amount,
                          std::optional<CustomerId> customer) {
  if (amount.is_zero()) return;
  if (amount.is_negative()) return Debit(account, -amount, customer);
  lines.push_back({account, Money(), amount, customer});
}

int64_t Post(store::Connection& conn, const CommandContext& ctx, const JournalEntry& entry) {
  if (entry.lines.empty()) return 0;
  Money debits, credits;
  for (const auto& l : entry.lines) {
    if (!FindAccount(l.account)) {
      throw std::logic_error("journal line on unknown account " + std::string(l.account));
    }
    if (l.debit.is_negative() || l.credit.is_negative() ||
        l.debit.is_zero() == l.credit.is_zero()) {
      throw std::logic_error("journal line must be one positive debit or credit");
    }
    debits += l.debit;
    credits += l.credit;
  }
  if (debits != credits) {
    throw std::logic_error("unbalanced journal entry for " + entry.source + " " +
                           std::to_string(entry.source_id) + ": debits " + debits.Format() +
                           ", credits " + credits.Format());
  }
  int64_t id = 0;
  {
    store::Query q(
        conn,
        "INSERT INTO journal_entries (entry_date, at, kind, source, source_id, reference, "
        "memo, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        entry.date, ctx.now, entry.kind, entry.source, entry.source_id, entry.reference, entry.memo,
        ctx.actor);
    q.Next();
    id = q.Int(0);
  }
  int line_no = 0;
  for (const auto& l : entry.lines) {
    store::Exec(conn,
                "INSERT INTO journal_lines (entry_id, line_no, account, debit, credit, "
                "customer_id) VALUES (?, ?, ?, ?, ?, ?)",
                id, ++line_no, l.account, l.debit, l.credit, l.customer);
  }
  return id;
}

}  // namespace ordo::ledger
