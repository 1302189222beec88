// The order list as it is shown: orders::ListOrders with each order's customer code.
#pragma once

#include <optional>
#include <vector>

#include "orders/order_queries.h"
#include "store/database.h"

namespace ordo::views {

// orders::ListOrders, with customer_code filled for every row (one more query for the page).
std::vector<orders::OrderSummary> ListOrders(store::Connection& conn,
                                             const orders::OrderFilter& filter,
                                             std::optional<OrderId> before, int limit);

}  // namespace ordo::views
