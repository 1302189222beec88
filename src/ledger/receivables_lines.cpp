#include "ledger/receivables_lines.h"

#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::ledger {

Money ReceivablesBalance(store::Connection& conn, Date through) {
  store::Query q(conn,
                 "SELECT COALESCE(SUM(l.debit), 0) - COALESCE(SUM(l.credit), 0) "
                 "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id "
                 "WHERE l.account = '1100' AND e.entry_date <= ?",
                 through);
  q.Next();
  return q.Amount(0);
}

Money CustomerReceivablesBefore(store::Connection& conn, CustomerId customer, Date before) {
  store::Query q(conn,
                 "SELECT COALESCE(SUM(l.debit), 0) - COALESCE(SUM(l.credit), 0) "
                 "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id "
                 "WHERE l.account = '1100' AND l.customer_id = ? AND e.entry_date < ?",
                 customer, before);
  q.Next();
  return q.Amount(0);
}

std::vector<ReceivablesLine> CustomerReceivablesLines(store::Connection& conn, CustomerId customer,
                                                      Date from, Date to) {
  store::Query q(conn,
                 "SELECT e.entry_date, e.kind, e.reference, e.memo, l.debit, l.credit "
                 "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id "
                 "WHERE l.account = '1100' AND l.customer_id = ? AND e.entry_date >= ? "
                 "AND e.entry_date <= ? ORDER BY e.entry_date, e.id, l.line_no",
                 customer, from, to);
  std::vector<ReceivablesLine> out;
  while (q.Next()) {
    store::RowReader r(q);
    ReceivablesLine line;
    line.date = r.OptDate().value_or(from);
    line.kind = r.Text();
    line.reference = r.Text();
    line.memo = r.Text();
    line.debit = r.Amount();
    line.credit = r.Amount();
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace ordo::ledger
