#include "views/sales_report_view.h"

#include <algorithm>
#include <map>

#include "catalog/item_queries.h"
#include "customers/customer_queries.h"
#include "orders/order_reports.h"

namespace ordo::views {
namespace {

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

// The calendar day of `d` (days since 1970-01-01), by the proleptic Gregorian calendar.
Civil CivilOf(Date d) {
  const int64_t z = int64_t{d.days} + 719'468;
  const int64_t era = (z >= 0 ? z : z - 146'096) / 146'097;
  const int64_t doe = z - era * 146'097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const auto day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const auto month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  const auto year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

unsigned DaysInMonth(int year, unsigned month) {
  const Date first = DateFromCivil(year, month, 1);
  const Date next = month == 12 ? DateFromCivil(year + 1, 1, 1) : DateFromCivil(year, month + 1, 1);
  return static_cast<unsigned>(next.days - first.days);
}

// The first day of the bucket holding `day`.
Date BucketStart(Date day, Interval interval) {
  switch (interval) {
    case Interval::kDay:
      return day;
    case Interval::kWeek: {
      const int weekday = static_cast<int>(((day.days + 4) % 7 + 7) % 7);  // 0 = Sunday
      return Date{day.days - (weekday + 6) % 7};
    }
    case Interval::kMonth: {
      const Civil c = CivilOf(day);
      return DateFromCivil(c.year, c.month, 1);
    }
  }
  return day;
}

// The first day of the bucket after the one starting at `start`.
Date NextBucket(Date start, Interval interval) {
  switch (interval) {
    case Interval::kDay:
      return Date{start.days + 1};
    case Interval::kWeek:
      return Date{start.days + 7};
    case Interval::kMonth: {
      const Civil c = CivilOf(start);
      return c.month == 12 ? DateFromCivil(c.year + 1, 1, 1)
                           : DateFromCivil(c.year, c.month + 1, 1);
    }
  }
  return Date{start.days + 1};
}

// The bucket (its start, uncut) of the period that a prior-year day compares with.
Date BucketOfPrior(Date prior_day, Interval interval) {
  if (interval != Interval::kMonth) return BucketStart(Date{prior_day.days + 364}, interval);
  const Civil c = CivilOf(prior_day);
  return DateFromCivil(c.year + 1, c.month, 1);
}

}  // namespace

std::string_view IntervalName(Interval i) {
  switch (i) {
    case Interval::kDay:
      return "day";
    case Interval::kWeek:
      return "week";
    case Interval::kMonth:
      return "month";
  }
  return "day";
}

std::optional<Interval> IntervalFromName(std::string_view name) {
  if (name == "day") return Interval::kDay;
  if (name == "week") return Interval::kWeek;
  if (name == "month") return Interval::kMonth;
  return std::nullopt;
}

Date YearEarlier(Date day, Interval interval) {
  if (interval != Interval::kMonth) return Date{day.days - 364};
  const Civil c = CivilOf(day);
  return DateFromCivil(c.year - 1, c.month, std::min(c.day, DaysInMonth(c.year - 1, c.month)));
}

SalesSeries LoadSalesSeries(store::Connection& conn, Date from, Date to, Interval interval) {
  SalesSeries s;
  s.from = from;
  s.to = to;
  s.interval = interval;
  s.prior_from = YearEarlier(from, interval);
  s.prior_to = YearEarlier(to, interval);
  // Every bucket of the period, keyed by its uncut start.
  std::map<Date, SalesPoint> buckets;
  for (Date start = BucketStart(from, interval); start <= to; start = NextBucket(start, interval)) {
    SalesPoint p;
    p.start = std::max(start, from);
    p.end = std::min(Date{NextBucket(start, interval).days - 1}, to);
    p.prior_start = YearEarlier(p.start, interval);
    p.prior_end = YearEarlier(p.end, interval);
    buckets.emplace(start, p);
  }
  for (const auto& d : orders::OrdersByDay(conn, from, to)) {
    SalesPoint& p = buckets.at(BucketStart(d.day, interval));
    p.orders += d.orders;
    p.value += d.value;
    s.orders += d.orders;
    s.value += d.value;
  }
  for (const auto& d : orders::OrdersByDay(conn, s.prior_from, s.prior_to)) {
    auto it = buckets.find(BucketOfPrior(d.day, interval));
    if (it == buckets.end()) continue;  // cannot happen: the prior period maps into the period
    it->second.prior_orders += d.orders;
    it->second.prior_value += d.value;
    s.prior_orders += d.orders;
    s.prior_value += d.value;
  }
  s.points.reserve(buckets.size());
  for (auto& [start, p] : buckets) s.points.push_back(p);
  return s;
}

std::vector<TopCustomer> LoadTopCustomers(store::Connection& conn, Date from, Date to, int limit) {
  auto rows = orders::TopCustomersByValue(conn, from, to, limit);
  std::vector<CustomerId> ids;
  for (const auto& r : rows) ids.push_back(r.customer);
  auto labels = customers::CustomerLabels(conn, ids);
  std::vector<TopCustomer> out;
  for (const auto& r : rows) {
    TopCustomer t;
    if (auto it = labels.find(r.customer); it != labels.end()) {
      t.code = it->second.code;
      t.name = it->second.name;
    }
    t.orders = r.orders;
    t.value = r.value;
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<TopItem> LoadTopItems(store::Connection& conn, Date from, Date to, int limit) {
  auto rows = orders::TopItemsByValue(conn, from, to, limit);
  std::vector<ItemId> ids;
  for (const auto& r : rows) ids.push_back(r.item);
  auto labels = catalog::ItemLabels(conn, ids);
  std::vector<TopItem> out;
  for (const auto& r : rows) {
    TopItem t;
    if (auto it = labels.find(r.item); it != labels.end()) {
      t.sku = it->second.sku;
      t.name = it->second.name;
    }
    t.orders = r.orders;
    t.quantity = r.quantity;
    t.value = r.value;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace ordo::views
