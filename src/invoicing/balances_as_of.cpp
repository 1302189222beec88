#include "invoicing/balances_as_of.h"

#include <string>

#include "store/query.h"
#include "store/row_reader.h"

namespace ordo::invoicing {
namespace {

// The first microsecond of the day after `d` (UTC): applications and refunds carry a time.
int64_t DayEnd(Date d) {
  return (int64_t{d.days} + 1) * 86'400 * 1'000'000;
}

}  // namespace

std::vector<InvoiceAsOf> InvoicesOpenAsOf(store::Connection& conn, Date as_of,
                                          std::optional<CustomerId> customer) {
  static const std::string kAll =
      "SELECT v.id, v.customer_id, v.due_date, v.total - COALESCE(("
      "SELECT SUM(m.amount) FROM credit_memo_applications m "
      "WHERE m.invoice_id = v.id AND m.at < ?), 0) "
      "FROM invoices v WHERE v.invoice_date <= ? AND v.status <> 'void' "
      "AND (v.status = 'open' OR v.updated_at >= ?)";
  // One customer's (a statement's aging) reads through the customer's index.
  static const std::string kOfOne = kAll + " AND v.customer_id = ?";
  const int64_t day_end = DayEnd(as_of);
  store::Query q(conn, customer ? kOfOne : kAll, day_end, as_of, day_end);
  if (customer) q.BindMore(*customer);
  std::vector<InvoiceAsOf> out;
  while (q.Next()) {
    store::RowReader r(q);
    InvoiceAsOf v;
    v.invoice = r.Id<InvoiceId>();
    v.customer = r.Id<CustomerId>();
    v.due_date = r.OptDate().value_or(as_of);
    v.total_less_credits = r.Amount();
    out.push_back(v);
  }
  return out;
}

std::unordered_map<CustomerId, Money> OpenCreditsAsOf(store::Connection& conn, Date as_of,
                                                      std::optional<CustomerId> customer) {
  const int64_t day_end = DayEnd(as_of);
  store::Query q(conn,
                 "SELECT m.customer_id, SUM(m.total - COALESCE(("
                 "SELECT SUM(a.amount) FROM credit_memo_applications a "
                 "WHERE a.credit_memo_id = m.id AND a.at < ?), 0) - COALESCE(("
                 "SELECT SUM(r.amount) FROM credit_memo_refunds r "
                 "WHERE r.credit_memo_id = m.id AND r.at < ?), 0)) "
                 "FROM credit_memos m WHERE m.memo_date <= ? "
                 "AND (? IS NULL OR m.customer_id = ?) GROUP BY m.customer_id",
                 day_end, day_end, as_of, customer, customer);
  std::unordered_map<CustomerId, Money> out;
  while (q.Next()) {
    Money open = q.Amount(1);
    if (!open.is_zero()) out.emplace(CustomerId(q.Int(0)), open);
  }
  return out;
}

Money CreditSales(store::Connection& conn, Date after, Date through) {
  store::Query q(conn,
                 "SELECT COALESCE(SUM(total), 0) FROM invoices WHERE status <> 'void' "
                 "AND invoice_date > ? AND invoice_date <= ?",
                 after, through);
  q.Next();
  return q.Amount(0);
}

}  // namespace ordo::invoicing
