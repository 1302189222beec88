// The dashboard's sales reports as they are shown: orders and ordered value per day, week or
// month of a period beside the same period a year earlier, and the top customers and items
// named with their codes, SKUs and names. Figures come from orders/order_reports.h (ordered
// amounts, cancelled orders left out); this file buckets them and names the ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/money.h"
#include "store/database.h"

namespace ordo::views {

enum class Interval { kDay, kWeek, kMonth };

std::string_view IntervalName(Interval i);
std::optional<Interval> IntervalFromName(std::string_view name);

// The day a year before `day` as the comparison reads it: 52 weeks (364 days) earlier for day
// and week buckets, so that a Monday compares with a Monday; the same day of the month twelve
// months earlier for month buckets (the 29th of February with the 28th).
Date YearEarlier(Date day, Interval interval);

// One bucket: the days of the period it covers (a first or last week or month may be cut by
// the period's ends) and the same days a year earlier, with what was ordered on each.
struct SalesPoint {
  Date start;
  Date end;
  int64_t orders = 0;
  Money value;
  Date prior_start;
  Date prior_end;
  int64_t prior_orders = 0;
  Money prior_value;
};

struct SalesSeries {
  Date from;
  Date to;
  Interval interval = Interval::kDay;
  Date prior_from;
  Date prior_to;
  std::vector<SalesPoint> points;  // every bucket of the period, empty ones too, by start
  int64_t orders = 0;
  Money value;
  int64_t prior_orders = 0;
  Money prior_value;
};

// Weeks start on Monday, months on the 1st. REQUIRES: from <= to.
SalesSeries LoadSalesSeries(store::Connection& conn, Date from, Date to, Interval interval);

struct TopCustomer {
  std::string code;
  std::string name;
  int64_t orders = 0;
  Money value;
};
std::vector<TopCustomer> LoadTopCustomers(store::Connection& conn, Date from, Date to, int limit);

struct TopItem {
  std::string sku;
  std::string name;
  int64_t orders = 0;
  int64_t quantity = 0;  // base units
  Money value;
};
std::vector<TopItem> LoadTopItems(store::Connection& conn, Date from, Date to, int limit);

}  // namespace ordo::views
