#include "ledger/trial_balance.h"

#include <map>
#include <string>

#include "store/query.h"

namespace ordo::ledger {

TrialBalance LoadTrialBalance(store::Connection& conn, std::optional<Date> as_of) {
  std::map<std::string, std::pair<Money, Money>> sums;
  {
    // '9999-12-31' stands for "no date": entry dates are ISO text, so they compare as dates.
    store::Query q(conn,
                   "SELECT l.account, COALESCE(SUM(l.debit), 0), COALESCE(SUM(l.credit), 0) "
                   "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id "
                   "WHERE e.entry_date <= ? GROUP BY l.account",
                   as_of ? FormatDate(*as_of) : std::string("9999-12-31"));
    while (q.Next()) sums[q.Text(0)] = {q.Amount(1), q.Amount(2)};
  }
  TrialBalance tb;
  tb.as_of = as_of;
  for (const auto& account : ChartOfAccounts()) {
    auto it = sums.find(std::string(account.code));
    AccountBalance b{account, Money(), Money()};
    if (it != sums.end()) {
      b.debit = it->second.first;
      b.credit = it->second.second;
    }
    tb.total_debit += b.debit;
    tb.total_credit += b.credit;
    tb.accounts.push_back(b);
  }
  return tb;
}

Money ReceivablesBalance(store::Connection& conn, std::optional<CustomerId> customer) {
  store::Query q(conn,
                 "SELECT COALESCE(SUM(debit), 0) - COALESCE(SUM(credit), 0) FROM journal_lines "
                 "WHERE account = ? AND (? IS NULL OR customer_id = ?)",
                 accounts::kReceivables, customer, customer);
  q.Next();
  return q.Amount(0);
}

}  // namespace ordo::ledger
