// Invoices and the payments applied to them: lines, extensions and tax recomputed, balances
// and statuses, one invoice per shipped shipment, applications within one customer, and the
// orders' settled flag.
#include <cstdint>
#include <optional>
#include <string>

#include "store/query.h"
#include "support/checker_arithmetic.h"
#include "support/invariant_checks.h"

namespace ordo::test_support {
void CheckInvoices(store::Connection& conn, Violations& v) {
  {
    store::Query q(conn,
                   "SELECT v.number, v.subtotal, v.tax, v.currency, v.status, "
                   "v.total - v.amount_paid - v.discount_taken - v.amount_credited, "
                   "COALESCE(SUM(l.extended_amount), 0), COALESCE(SUM(l.tax_amount), 0), "
                   "COUNT(l.line_no) "
                   "FROM invoices v LEFT JOIN invoice_lines l ON l.invoice_id = v.id "
                   "GROUP BY v.id");
    while (q.Next()) {
      std::string inv = "invoice " + q.Text(0);
      if (q.Int(8) == 0) v.push_back(inv + " has no lines");
      if (q.Int(1) != q.Int(6)) v.push_back(inv + " subtotal != SUM(line extended amounts)");
      if (q.Int(2) != q.Int(7)) v.push_back(inv + " tax != SUM(line tax)");
      bool settled = q.Int(5) == 0;
      if (q.Text(4) != "void" && settled != (q.Text(4) == "paid")) {
        v.push_back(inv + " has status " + q.Text(4) + " with balance " + Units(q.Int(5)));
      }
    }
  }
  CheckDocumentLines(conn,
                     "SELECT v.number, l.line_no, l.unit_price, l.quantity, l.extended_amount, "
                     "v.currency, l.tax_rate_ppm, l.tax_amount, "
                     "COALESCE((SELECT SUM(p.quantity) FROM invoice_lines p WHERE "
                     "p.order_line_id = l.order_line_id AND p.invoice_id < l.invoice_id), 0) "
                     "FROM invoice_lines l JOIN invoices v ON v.id = l.invoice_id",
                     "invoice", v);
  {
    // Invoicing happens on shipment: every line is invoiced for exactly what shipped.
    store::Query q(conn,
                   "SELECT l.id, l.quantity_invoiced, l.quantity_shipped, "
                   "COALESCE((SELECT SUM(il.quantity) FROM invoice_lines il "
                   "WHERE il.order_line_id = l.id), 0) FROM order_lines l");
    while (q.Next()) {
      std::string line = "order line " + std::to_string(q.Int(0));
      if (q.Int(1) != q.Int(3)) {
        v.push_back(line + " quantity_invoiced " + std::to_string(q.Int(1)) +
                    " != SUM(invoice lines) " + std::to_string(q.Int(3)));
      }
      if (q.Int(1) != q.Int(2)) {
        v.push_back(line + " invoiced " + std::to_string(q.Int(1)) + " != shipped " +
                    std::to_string(q.Int(2)));
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT s.number, (SELECT COUNT(*) FROM invoices v WHERE v.shipment_id = s.id) "
                   "FROM shipments s WHERE s.status = 'shipped'");
    while (q.Next()) {
      if (q.Int(1) != 1) {
        v.push_back("shipment " + q.Text(0) + " has " + std::to_string(q.Int(1)) + " invoices");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT v.number, v.amount_credited, COALESCE((SELECT SUM(a.amount) FROM "
                   "credit_memo_applications a WHERE a.invoice_id = v.id), 0) FROM invoices v");
    while (q.Next()) {
      if (q.Int(1) != q.Int(2)) {
        v.push_back("invoice " + q.Text(0) + " amount_credited " + Units(q.Int(1)) +
                    " != SUM(credit memo applications) " + Units(q.Int(2)));
      }
    }
  }
  CheckNumbering(conn, "invoices", "invoice", "IN", v);
}

void CheckPayments(store::Connection& conn, Violations& v) {
  {
    store::Query q(conn,
                   "SELECT p.number, p.amount_applied, COALESCE((SELECT SUM(a.amount) FROM "
                   "payment_applications a WHERE a.payment_id = p.id), 0) FROM payments p");
    while (q.Next()) {
      if (q.Int(1) != q.Int(2)) {
        v.push_back("payment " + q.Text(0) + " amount_applied != SUM(its applications)");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT v.number, v.amount_paid, v.discount_taken, "
                   "COALESCE((SELECT SUM(a.amount) FROM payment_applications a "
                   "WHERE a.invoice_id = v.id), 0), "
                   "COALESCE((SELECT SUM(a.discount) FROM payment_applications a "
                   "WHERE a.invoice_id = v.id), 0) FROM invoices v");
    while (q.Next()) {
      if (q.Int(1) != q.Int(3)) {
        v.push_back("invoice " + q.Text(0) + " amount_paid != SUM(cash applied to it)");
      }
      if (q.Int(2) != q.Int(4)) {
        v.push_back("invoice " + q.Text(0) + " discount_taken != SUM(discounts applied to it)");
      }
    }
  }
  {
    store::Query q(conn,
                   "SELECT a.id FROM payment_applications a JOIN payments p ON p.id = a.payment_id "
                   "JOIN invoices v ON v.id = a.invoice_id WHERE p.customer_id <> v.customer_id");
    while (q.Next()) {
      v.push_back("payment application " + std::to_string(q.Int(0)) +
                  " settles another customer's invoice");
    }
  }
  {
    // settled == everything not cancelled invoiced and no invoice of the order owes anything.
    store::Query q(conn,
                   "SELECT o.number, o.settled, "
                   "(SELECT SUM(l.quantity - l.quantity_cancelled) = SUM(l.quantity_invoiced) "
                   "AND SUM(l.quantity - l.quantity_cancelled) > 0 "
                   "FROM order_lines l WHERE l.order_id = o.id) AND NOT EXISTS ("
                   "SELECT 1 FROM invoices v WHERE v.order_id = o.id AND v.status = 'open') "
                   "FROM orders o");
    while (q.Next()) {
      if (q.Int(1) != q.Int(2)) {
        v.push_back("order " + q.Text(0) + " settled is " + std::to_string(q.Int(1)) +
                    " but its invoices say " + std::to_string(q.Int(2)));
      }
    }
  }
  CheckNumbering(conn, "payments", "payment", "PM", v);
}

void CheckDocumentLines(store::Connection& conn, const std::string& sql,
                        const std::string& document, Violations& v) {
  store::Query q(conn, sql);
  while (q.Next()) {
    const std::string line = document + " " + q.Text(0) + " line " + std::to_string(q.Int(1));
    std::optional<int> digits = CurrencyDigits(q.Text(5), line, v);
    if (!digits) continue;
    if (q.Int(4) != ExpectedExtension(q.Int(2), q.Int(3), *digits)) {
      v.push_back(line + " extended_amount != unit_price x quantity");
    }
    const int64_t before = q.Int(8);
    const int64_t tax =
        ExpectedTax(ExpectedExtension(q.Int(2), before + q.Int(3), *digits), q.Int(6), *digits) -
        ExpectedTax(ExpectedExtension(q.Int(2), before, *digits), q.Int(6), *digits);
    if (q.Int(7) != tax) {
      v.push_back(line + " tax_amount " + Units(q.Int(7)) +
                  " != the line's tax through it less before it " + Units(tax));
    }
  }
}

}  // namespace ordo::test_support
