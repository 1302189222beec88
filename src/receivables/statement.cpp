#include "receivables/statement.h"

#include "store/query.h"

namespace ordo::receivables {

Statement LoadStatement(store::Connection& conn, CustomerId customer, Date from, Date to) {
  Statement s;
  s.customer = customer;
  s.from = from;
  s.to = to;
  {
    store::Query q(conn,
                   "SELECT COALESCE(SUM(l.debit), 0) - COALESCE(SUM(l.credit), 0) "
                   "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id "
                   "WHERE l.account = '1100' AND l.customer_id = ? AND e.entry_date < ?",
                   customer, from);
    q.Next();
    s.opening_balance = q.Amount(0);
  }
  Money balance = s.opening_balance;
  store::Query q(conn,
                 "SELECT e.entry_date, e.kind, e.reference, e.memo, l.debit, l.credit "
                 "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id "
                 "WHERE l.account = '1100' AND l.customer_id = ? AND e.entry_date >= ? "
                 "AND e.entry_date <= ? ORDER BY e.entry_date, e.id, l.line_no",
                 customer, from, to);
  while (q.Next()) {
    StatementLine line;
    line.date = q.OptDate(0).value_or(from);
    line.kind = q.Text(1);
    line.reference = q.Text(2);
    line.memo = q.Text(3);
    line.charge = q.Amount(4);
    line.credit = q.Amount(5);
    balance += line.charge - line.credit;
    line.balance = balance;
    s.lines.push_back(std::move(line));
  }
  s.closing_balance = balance;
  return s;
}

}  // namespace ordo::receivables
