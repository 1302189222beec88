#include "receivables/aging.h"

#include <map>

#include "store/query.h"

namespace ordo::receivables {

void AgingBuckets::Add(int days_past_due, Money amount) {
  if (days_past_due <= 0) {
    current += amount;
  } else if (days_past_due <= 30) {
    d1_30 += amount;
  } else if (days_past_due <= 60) {
    d31_60 += amount;
  } else if (days_past_due <= 90) {
    d61_90 += amount;
  } else {
    d90_plus += amount;
  }
}

AgingBuckets& AgingBuckets::operator+=(const AgingBuckets& o) {
  current += o.current;
  d1_30 += o.d1_30;
  d31_60 += o.d31_60;
  d61_90 += o.d61_90;
  d90_plus += o.d90_plus;
  return *this;
}

AgingReport LoadAging(store::Connection& conn, Date as_of, std::optional<CustomerId> customer) {
  const std::string day = FormatDate(as_of);
  // Credit memo applications and refunds carry a time, not a date: those before the next
  // day's start (UTC) happened by the as-of date.
  const int64_t day_end = (int64_t{as_of.days} + 1) * 86'400 * 1'000'000;
  std::map<std::string, CustomerAging> by_code;
  {
    // Each invoice's balance on the as-of date: its total less what was applied to it (cash,
    // discount and credit) on or before that date. An invoice that is paid and was last
    // settled before the day ended owed nothing then (an application is never dated after
    // it was recorded), so settled history is skipped before its sums are read.
    static const std::string kBalances =
        "SELECT v.customer_id, c.code, c.name, v.due_date, v.total - COALESCE(("
        "SELECT SUM(a.amount + a.discount) FROM payment_applications a "
        "WHERE a.invoice_id = v.id AND a.applied_date <= ?), 0) - COALESCE(("
        "SELECT SUM(m.amount) FROM credit_memo_applications m "
        "WHERE m.invoice_id = v.id AND m.at < ?), 0) "
        "FROM invoices v JOIN customers c ON c.id = v.customer_id "
        "WHERE v.invoice_date <= ? AND v.status <> 'void' "
        "AND (v.status = 'open' OR v.updated_at >= ?)";
    // One customer's (a statement's aging) reads through the customer's index.
    static const std::string kBalancesOfOne = kBalances + " AND v.customer_id = ?";
    store::Query q(conn, customer ? kBalancesOfOne : kBalances, day, day_end, day, day_end);
    if (customer) q.BindMore(*customer);
    while (q.Next()) {
      Money balance = q.Amount(4);
      if (balance.is_zero()) continue;
      CustomerAging& a = by_code[q.Text(1)];
      a.customer = CustomerId(q.Int(0));
      a.customer_code = q.Text(1);
      a.customer_name = q.Text(2);
      Date due = q.OptDate(3).value_or(as_of);
      a.buckets.Add(as_of.days - due.days, balance);
    }
  }
  {
    store::Query q(conn,
                   "SELECT p.customer_id, c.code, c.name, SUM(p.amount - COALESCE(("
                   "SELECT SUM(a.amount) FROM payment_applications a "
                   "WHERE a.payment_id = p.id AND a.applied_date <= ?), 0)) "
                   "FROM payments p JOIN customers c ON c.id = p.customer_id "
                   "WHERE p.received_date <= ? AND (? IS NULL OR p.customer_id = ?) "
                   "GROUP BY p.customer_id, c.code, c.name",
                   day, day, customer, customer);
    while (q.Next()) {
      Money unapplied = q.Amount(3);
      if (unapplied.is_zero()) continue;
      CustomerAging& a = by_code[q.Text(1)];
      a.customer = CustomerId(q.Int(0));
      a.customer_code = q.Text(1);
      a.customer_name = q.Text(2);
      a.unapplied += unapplied;
    }
  }
  {
    // Credit memos issued by then, less what was applied or refunded by then.
    store::Query q(conn,
                   "SELECT m.customer_id, c.code, c.name, SUM(m.total - COALESCE(("
                   "SELECT SUM(a.amount) FROM credit_memo_applications a "
                   "WHERE a.credit_memo_id = m.id AND a.at < ?), 0) - COALESCE(("
                   "SELECT SUM(r.amount) FROM credit_memo_refunds r "
                   "WHERE r.credit_memo_id = m.id AND r.at < ?), 0)) "
                   "FROM credit_memos m JOIN customers c ON c.id = m.customer_id "
                   "WHERE m.memo_date <= ? AND (? IS NULL OR m.customer_id = ?) "
                   "GROUP BY m.customer_id, c.code, c.name",
                   day_end, day_end, day, customer, customer);
    while (q.Next()) {
      Money open = q.Amount(3);
      if (open.is_zero()) continue;
      CustomerAging& a = by_code[q.Text(1)];
      a.customer = CustomerId(q.Int(0));
      a.customer_code = q.Text(1);
      a.customer_name = q.Text(2);
      a.open_credits += open;
    }
  }
  AgingReport report;
  report.as_of = as_of;
  for (auto& [code, a] : by_code) {
    report.totals += a.buckets;
    report.unapplied += a.unapplied;
    report.open_credits += a.open_credits;
    report.customers.push_back(std::move(a));
  }
  return report;
}

Dso LoadDso(store::Connection& conn, Date as_of, int days) {
  Dso d;
  d.as_of = as_of;
  d.days = days;
  const std::string day = FormatDate(as_of);
  {
    store::Query q(conn,
                   "SELECT COALESCE(SUM(l.debit), 0) - COALESCE(SUM(l.credit), 0) "
                   "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id "
                   "WHERE l.account = '1100' AND e.entry_date <= ?",
                   day);
    q.Next();
    d.receivables = q.Amount(0);
  }
  {
    store::Query q(conn,
                   "SELECT COALESCE(SUM(total), 0) FROM invoices WHERE status <> 'void' "
                   "AND invoice_date > ? AND invoice_date <= ?",
                   FormatDate(Date{as_of.days - days}), day);
    q.Next();
    d.credit_sales = q.Amount(0);
  }
  if (d.credit_sales.units() > 0) {
    // tenths = receivables x days x 10 / sales, rounded half-even, in 128 bits.
    __int128 num = static_cast<__int128>(d.receivables.units()) * days * 10;
    __int128 den = d.credit_sales.units();
    __int128 q = num / den, r = num % den;
    if (r < 0) {
      r += den;
      q -= 1;
    }
    if (2 * r > den || (2 * r == den && (q % 2 != 0))) q += 1;
    d.dso_tenths = static_cast<int64_t>(q);
  }
  return d;
}

}  // namespace ordo::receivables
