// Returns (RMAs) and credit memos: returned quantities agree with receipts and memos and never
// pass what shipped; memo totals, tax and settlement recomputed.
#include <cstdint>
#include <optional>
#include <string>

#include "store/query.h"
#include "support/checker_arithmetic.h"
#include "support/invariant_checks.h"

namespace ordo::test_support {
// Returned quantities agree with receipts and never pass what shipped; RMAs are received
// exactly when nothing is awaited; RA numbers have no gaps.
void CheckReturns(store::Connection& conn, Violations& v) {
  {
    store::Query q(conn,
                   "SELECT l.id, l.quantity_shipped, l.quantity_returned, "
                   "COALESCE((SELECT SUM(rl.quantity_received) FROM return_lines rl "
                   "WHERE rl.order_line_id = l.id), 0), "
                   "COALESCE((SELECT SUM(rl.quantity - rl.quantity_received) FROM return_lines rl "
                   "JOIN returns r ON r.id = rl.return_id "
                   "WHERE rl.order_line_id = l.id AND r.status = 'authorized'), 0), "
                   "COALESCE((SELECT SUM(cl.quantity) FROM credit_memo_lines cl "
                   "WHERE cl.order_line_id = l.id), 0) FROM order_lines l");
    while (q.Next()) {
      std::string line = "order line " + std::to_string(q.Int(0));
      if (q.Int(2) > q.Int(1)) {
        v.push_back(line + " returned " + std::to_string(q.Int(2)) + " > shipped " +
                    std::to_string(q.Int(1)));
      }
      if (q.Int(2) != q.Int(3)) {
        v.push_back(line + " quantity_returned " + std::to_string(q.Int(2)) +
                    " != SUM(received return lines) " + std::to_string(q.Int(3)));
      }
      if (q.Int(2) + q.Int(4) > q.Int(1)) {
        v.push_back(line + " returned " + std::to_string(q.Int(2)) + " + awaited " +
                    std::to_string(q.Int(4)) + " > shipped " + std::to_string(q.Int(1)));
      }
      if (q.Int(2) != q.Int(5)) {
        v.push_back(line + " quantity_returned " + std::to_string(q.Int(2)) +
                    " != SUM(credit memo lines) " + std::to_string(q.Int(5)));
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT r.number, rl.line_no, rl.quantity_received, "
                   "COALESCE((SELECT SUM(x.quantity) FROM return_receipts x "
                   "WHERE x.return_id = rl.return_id AND x.line_no = rl.line_no), 0), "
                   "ol.line_no, ol.order_id = r.order_id "
                   "FROM return_lines rl JOIN returns r ON r.id = rl.return_id "
                   "JOIN order_lines ol ON ol.id = rl.order_line_id");
    while (q.Next()) {
      std::string line = "return " + q.Text(0) + " line " + std::to_string(q.Int(1));
      if (q.Int(2) != q.Int(3)) {
        v.push_back(line + " quantity_received " + std::to_string(q.Int(2)) + " != SUM(receipts) " +
                    std::to_string(q.Int(3)));
      }
      if (q.Int(4) != q.Int(1) || q.Int(5) != 1) {
        v.push_back(line + " is not that line of the return's order");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT r.number, r.status, "
                   "(SELECT COUNT(*) FROM return_lines rl WHERE rl.return_id = r.id), "
                   "(SELECT COUNT(*) FROM return_lines rl WHERE rl.return_id = r.id "
                   "AND rl.quantity_received < rl.quantity) FROM returns r");
    while (q.Next()) {
      std::string status = q.Text(1);
      if (q.Int(2) == 0) v.push_back("return " + q.Text(0) + " has no lines");
      if (status == "received" && q.Int(3) != 0) {
        v.push_back("return " + q.Text(0) + " is received but awaits goods");
      }
      if (status == "authorized" && q.Int(3) == 0 && q.Int(2) != 0) {
        v.push_back("return " + q.Text(0) + " is authorized but everything arrived");
      }
    }
  }
  CheckNumbering(conn, "returns", "return", "RA", v);
}

// Credit memos: totals are their lines', settlement is their applications and refunds, the
// status follows the balance, no invoice line is credited beyond what it invoiced; CM numbers
// have no gaps.
void CheckCreditMemos(store::Connection& conn, Violations& v) {
  {
    store::Query q(conn,
                   "SELECT m.number, m.subtotal, m.tax, m.total, m.amount_applied, "
                   "m.amount_refunded, m.status, "
                   "COALESCE((SELECT SUM(l.extended_amount) FROM credit_memo_lines l "
                   "WHERE l.credit_memo_id = m.id), 0), "
                   "COALESCE((SELECT SUM(l.tax_amount) FROM credit_memo_lines l "
                   "WHERE l.credit_memo_id = m.id), 0), "
                   "COALESCE((SELECT SUM(a.amount) FROM credit_memo_applications a "
                   "WHERE a.credit_memo_id = m.id), 0), "
                   "COALESCE((SELECT SUM(f.amount) FROM credit_memo_refunds f "
                   "WHERE f.credit_memo_id = m.id), 0), "
                   "(SELECT COUNT(*) FROM credit_memo_lines l WHERE l.credit_memo_id = m.id), "
                   "m.discount_adjustment FROM credit_memos m");
    while (q.Next()) {
      std::string memo = "credit memo " + q.Text(0);
      int64_t balance = q.Int(3) - q.Int(4) - q.Int(5);
      if (q.Int(11) == 0) v.push_back(memo + " has no lines");
      if (q.Int(1) != q.Int(7)) v.push_back(memo + " subtotal != SUM(line amounts)");
      if (q.Int(2) != q.Int(8)) v.push_back(memo + " tax != SUM(line taxes)");
      if (q.Int(3) != q.Int(1) + q.Int(2) - q.Int(12)) {
        v.push_back(memo + " total != subtotal + tax - discount adjustment");
      }
      if (q.Int(4) != q.Int(9)) v.push_back(memo + " amount_applied != SUM(applications)");
      if (q.Int(5) != q.Int(10)) v.push_back(memo + " amount_refunded != SUM(refunds)");
      if (balance < 0) v.push_back(memo + " has a negative balance");
      std::string want = balance > 0 ? "open" : (q.Int(5) > 0 ? "refunded" : "applied");
      if (q.Text(6) != want) {
        v.push_back(memo + " has status '" + q.Text(6) + "' but its amounts make it '" + want +
                    "'");
      }
    }
  }
  CheckDocumentLines(conn,
                     "SELECT m.number, l.line_no, l.unit_price, l.quantity, l.extended_amount, "
                     "m.currency, l.tax_rate_ppm, l.tax_amount, 0 FROM credit_memo_lines l "
                     "JOIN credit_memos m ON m.id = l.credit_memo_id",
                     "credit memo", v);
  {
    store::Query q(conn,
                   "SELECT v.number, il.line_no, il.quantity, SUM(cl.quantity) "
                   "FROM credit_memo_lines cl JOIN invoice_lines il ON il.invoice_id = "
                   "cl.invoice_id AND il.line_no = cl.invoice_line_no "
                   "JOIN invoices v ON v.id = il.invoice_id "
                   "GROUP BY il.invoice_id, il.line_no HAVING SUM(cl.quantity) > il.quantity");
    while (q.Next()) {
      v.push_back("invoice " + q.Text(0) + " line " + std::to_string(q.Int(1)) + " credited " +
                  std::to_string(q.Int(3)) + " > invoiced " + std::to_string(q.Int(2)));
    }
  }
  CheckNumbering(conn, "credit_memos", "credit memo", "CM", v);
  {
    // The discount a memo gives back is its lines', and never more on an invoice than the
    // discount that invoice was settled with.
    store::Query q(conn,
                   "SELECT m.number, m.discount_adjustment, COALESCE((SELECT "
                   "SUM(l.discount_adjustment) FROM credit_memo_lines l "
                   "WHERE l.credit_memo_id = m.id), 0) FROM credit_memos m");
    while (q.Next()) {
      if (q.Int(1) != q.Int(2)) {
        v.push_back("credit memo " + q.Text(0) + " discount_adjustment != SUM(its lines')");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT v.number, v.discount_taken, COALESCE((SELECT "
                   "SUM(l.discount_adjustment) FROM credit_memo_lines l "
                   "WHERE l.invoice_id = v.id), 0) FROM invoices v");
    while (q.Next()) {
      if (q.Int(2) > q.Int(1)) {
        v.push_back("invoice " + q.Text(0) + " gave back more discount than was taken");
      }
    }
  }
}

}  // namespace ordo::test_support
