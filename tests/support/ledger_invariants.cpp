// The general ledger: every entry balances, and each customer's receivables sub-ledger is what
// its documents still owe and what customer_balances says.
#include <cstdint>
#include <string>

#include "store/query.h"
#include "support/invariant_checks.h"

namespace ordo::test_support {
void CheckLedger(store::Connection& conn, Violations& v) {
  {
    store::Query q(conn,
                   "SELECT e.id, e.kind, COALESCE(SUM(l.debit), 0), COALESCE(SUM(l.credit), 0) "
                   "FROM journal_entries e LEFT JOIN journal_lines l ON l.entry_id = e.id "
                   "GROUP BY e.id");
    while (q.Next()) {
      if (q.Int(2) != q.Int(3) || q.Int(2) == 0) {
        v.push_back("journal entry " + std::to_string(q.Int(0)) + " (" + q.Text(1) + ") debits " +
                    Units(q.Int(2)) + " != credits " + Units(q.Int(3)));
      }
    }
  }
  {
    // The receivables sub-ledger of each customer is what its invoices still owe less its
    // unapplied cash and what its credit memos still owe it, and
    // customer_balances.open_receivables is that same figure.
    store::Query q(conn,
                   "SELECT c.id, "
                   "COALESCE((SELECT SUM(l.debit) - SUM(l.credit) FROM journal_lines l "
                   "WHERE l.account = '1100' AND l.customer_id = c.id), 0), "
                   "COALESCE((SELECT SUM(v.total - v.amount_paid - v.discount_taken - "
                   "v.amount_credited) FROM invoices v WHERE v.customer_id = c.id "
                   "AND v.status <> 'void'), 0), "
                   "COALESCE((SELECT SUM(p.amount - p.amount_applied) FROM payments p "
                   "WHERE p.customer_id = c.id), 0), "
                   "COALESCE((SELECT b.open_receivables FROM customer_balances b "
                   "WHERE b.customer_id = c.id), 0), "
                   "COALESCE((SELECT SUM(m.total - m.amount_applied - m.amount_refunded) "
                   "FROM credit_memos m WHERE m.customer_id = c.id), 0) FROM customers c");
    while (q.Next()) {
      std::string who = "customer " + std::to_string(q.Int(0));
      const int64_t ledger = q.Int(1);
      const int64_t owed = q.Int(2) - q.Int(3) - q.Int(5);
      if (ledger != owed) {
        v.push_back(who + " receivables ledger " + Units(ledger) +
                    " != open invoice balances - unapplied cash - credit memo balances " +
                    Units(owed));
      }
      if (q.Int(4) != ledger) {
        v.push_back(who + " open_receivables " + Units(q.Int(4)) + " != receivables ledger " +
                    Units(ledger));
      }
    }
  }
  store::Query q(conn,
                 "SELECT COUNT(*) FROM journal_lines WHERE account = '1100' AND "
                 "customer_id IS NULL");
  if (q.Next() && q.Int(0) != 0) v.push_back("receivables lines without a customer");
}

}  // namespace ordo::test_support
