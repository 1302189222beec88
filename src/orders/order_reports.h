// The sales manager's figures over orders (the dashboard's report endpoints): orders and their
// value per day, the customers and items that ordered most, open orders by status and the holds
// still waiting. Read-only; each is one statement over the orders module's own tables.
//
// Every figure counts what was ordered: an order counts on the UTC day it was placed
// (created_at) with its subtotal as placed (lines' extensions, before tax and freight), and
// orders whose status is cancelled are left out, so a wholly cancelled order counts nowhere.
// Periods are inclusive ranges of UTC days. Customers and items are ids here; the view
// (views/sales_report_view.h) names them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::orders {

// What was ordered on one day.
struct DayOrders {
  Date day;
  int64_t orders = 0;
  Money value;
};

// Each day of from..to on which anything was ordered, by day. REQUIRES: from <= to.
std::vector<DayOrders> OrdersByDay(store::Connection& conn, Date from, Date to);

// One customer's orders over a period.
struct CustomerOrders {
  CustomerId customer;
  int64_t orders = 0;
  Money value;
};

// The `limit` customers with the highest ordered value over from..to, highest first (ties by
// customer id). REQUIRES: limit >= 1.
std::vector<CustomerOrders> TopCustomersByValue(store::Connection& conn, Date from, Date to,
                                                int limit);

// One item's order lines over a period: quantity in base units and the lines' extensions.
struct ItemOrders {
  ItemId item;
  int64_t orders = 0;  // orders with a line of the item
  int64_t quantity = 0;
  Money value;
};

// The `limit` items with the highest ordered value over from..to, highest first (ties by item
// id). REQUIRES: limit >= 1.
std::vector<ItemOrders> TopItemsByValue(store::Connection& conn, Date from, Date to, int limit);

// Orders of one status, or waiting on one kind of hold, with their subtotals.
struct OrderCount {
  std::string key;  // the status name (StatusName) or the hold kind
  int64_t orders = 0;
  Money value;
};

// The statuses of orders still to be shipped or invoiced (on_hold, open, backordered,
// partially_shipped, shipped), each with its count and subtotal; statuses with no order are
// left out. In that order.
std::vector<OrderCount> OpenOrdersByStatus(store::Connection& conn);

// Holds not yet released, by kind (credit, manual, pricing, fraud): how many orders wait on
// one and their subtotals (an order waiting on two kinds counts in both), of orders that are
// not cancelled. By kind.
std::vector<OrderCount> WaitingHoldsByKind(store::Connection& conn);

}  // namespace ordo::orders
