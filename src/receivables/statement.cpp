#include "receivables/statement.h"

#include "ledger/receivables_lines.h"

namespace ordo::receivables {

Statement LoadStatement(store::Connection& conn, CustomerId customer, Date from, Date to) {
  Statement s;
  s.customer = customer;
  s.from = from;
  s.to = to;
  s.opening_balance = ledger::CustomerReceivablesBefore(conn, customer, from);
  Money balance = s.opening_balance;
  for (auto& entry : ledger::CustomerReceivablesLines(conn, customer, from, to)) {
    StatementLine line;
    line.date = entry.date;
    line.kind = std::move(entry.kind);
    line.reference = std::move(entry.reference);
    line.memo = std::move(entry.memo);
    line.charge = entry.debit;
    line.credit = entry.credit;
    balance += line.charge - line.credit;
    line.balance = balance;
    s.lines.push_back(std::move(line));
  }
  s.closing_balance = balance;
  return s;
}

}  // namespace ordo::receivables
