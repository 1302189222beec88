#include "receivables/aging.h"

#include <map>
#include <unordered_map>

#include "invoicing/balances_as_of.h"
#include "ledger/receivables_lines.h"
#include "store/id_list.h"
#include "store/query.h"

namespace ordo::receivables {
namespace {

// Cash and discount applied to each of `invoices` on or before `as_of`, in one statement
// (invoices with nothing applied are absent).
std::unordered_map<invoicing::InvoiceId, Money> AppliedBy(
    store::Connection& conn, Date as_of, const std::vector<invoicing::InvoiceId>& invoices) {
  static const std::string sql =
      "SELECT invoice_id, SUM(amount + discount) FROM payment_applications "
      "WHERE applied_date <= ? AND invoice_id" +
      std::string(store::kInIdList) + " GROUP BY invoice_id";
  std::unordered_map<invoicing::InvoiceId, Money> out;
  if (invoices.empty()) return out;
  store::Query q(conn, sql, as_of, store::IdListJson(invoices));
  while (q.Next()) out.emplace(invoicing::InvoiceId(q.Int(0)), q.Amount(1));
  return out;
}

// Per customer, cash received by `as_of` less what was applied of it by then.
std::unordered_map<CustomerId, Money> UnappliedAsOf(store::Connection& conn, Date as_of,
                                                    std::optional<CustomerId> customer) {
  store::Query q(conn,
                 "SELECT p.customer_id, SUM(p.amount - COALESCE(("
                 "SELECT SUM(a.amount) FROM payment_applications a "
                 "WHERE a.payment_id = p.id AND a.applied_date <= ?), 0)) "
                 "FROM payments p WHERE p.received_date <= ? "
                 "AND (? IS NULL OR p.customer_id = ?) GROUP BY p.customer_id",
                 as_of, as_of, customer, customer);
  std::unordered_map<CustomerId, Money> out;
  while (q.Next()) {
    Money unapplied = q.Amount(1);
    if (!unapplied.is_zero()) out.emplace(CustomerId(q.Int(0)), unapplied);
  }
  return out;
}

}  // namespace

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
  // Three set-based reads whatever the number of invoices: invoicing's balances less credits,
  // the cash applied to those invoices, and invoicing's open credits; plus unapplied cash.
  std::vector<invoicing::InvoiceAsOf> invoices = invoicing::InvoicesOpenAsOf(conn, as_of, customer);
  std::vector<invoicing::InvoiceId> ids;
  ids.reserve(invoices.size());
  for (const auto& v : invoices) ids.push_back(v.invoice);
  std::unordered_map<invoicing::InvoiceId, Money> applied = AppliedBy(conn, as_of, ids);

  std::map<CustomerId, CustomerAging> by_customer;
  auto entry = [&by_customer](CustomerId id) -> CustomerAging& {
    CustomerAging& a = by_customer[id];
    a.customer = id;
    return a;
  };
  for (const auto& v : invoices) {
    Money balance = v.total_less_credits;
    if (auto it = applied.find(v.invoice); it != applied.end()) balance -= it->second;
    if (balance.is_zero()) continue;
    entry(v.customer).buckets.Add(as_of.days - v.due_date.days, balance);
  }
  for (const auto& [id, unapplied] : UnappliedAsOf(conn, as_of, customer)) {
    entry(id).unapplied += unapplied;
  }
  for (const auto& [id, open] : invoicing::OpenCreditsAsOf(conn, as_of, customer)) {
    entry(id).open_credits += open;
  }
  AgingReport report;
  report.as_of = as_of;
  for (auto& [id, a] : by_customer) {
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
  d.receivables = ledger::ReceivablesBalance(conn, as_of);
  d.credit_sales = invoicing::CreditSales(conn, Date{as_of.days - days}, as_of);
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
