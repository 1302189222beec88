// Receivables reports: aging by customer as of any date, a customer's statement, and days
// sales outstanding. They read invoices (invoicing/balances_as_of.h), payments and the
// receivables ledger (ledger/receivables_lines.h) as they stood on the date asked for
// (invoices dated then, settlements applied by then), so a report for a past date reads the
// same whatever happened later. Customers are ids here: views::LoadAging adds their codes
// and names and orders the rows by code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "store/database.h"

namespace ordo::receivables {

// Open invoice balances by how far past their due date they are on the as-of date: current (not
// yet due), 1-30, 31-60, 61-90 and over 90 days.
struct AgingBuckets {
  Money current, d1_30, d31_60, d61_90, d90_plus;
  Money total() const { return current + d1_30 + d31_60 + d61_90 + d90_plus; }
  void Add(int days_past_due, Money amount);
  AgingBuckets& operator+=(const AgingBuckets& o);
};

struct CustomerAging {
  CustomerId customer;
  std::string customer_code;  // display names: filled by the read model (views/aging_view.h)
  std::string customer_name;
  AgingBuckets buckets;
  Money unapplied;     // cash received by then and not applied by then
  Money open_credits;  // credit memos issued by then, not applied or refunded by then
};

struct AgingReport {
  Date as_of;
  // Those with an open balance, unapplied cash or open credit: by id here, by code once the
  // read model named them.
  std::vector<CustomerAging> customers;
  AgingBuckets totals;
  Money unapplied;
  Money open_credits;
};

// REQUIRES: `customer`, when given, exists.
AgingReport LoadAging(store::Connection& conn, Date as_of,
                      std::optional<CustomerId> customer = std::nullopt);

// Days sales outstanding over the `days` days up to `as_of`: receivables on the as-of date
// (the receivables ledger's balance) / credit sales invoiced in (as_of - days, as_of] x days.
struct Dso {
  Date as_of;
  int days = 0;
  Money receivables;
  Money credit_sales;
  std::optional<int64_t> dso_tenths;  // in tenths of a day, half-even; none without sales
};
Dso LoadDso(store::Connection& conn, Date as_of, int days);

}  // namespace ordo::receivables
