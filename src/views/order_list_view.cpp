#include "views/order_list_view.h"

#include "customers/customer_queries.h"

namespace ordo::views {

std::vector<orders::OrderSummary> ListOrders(store::Connection& conn,
                                             const orders::OrderFilter& filter,
                                             std::optional<OrderId> before, int limit) {
  std::vector<orders::OrderSummary> rows = orders::ListOrders(conn, filter, before, limit);
  std::vector<CustomerId> ids;
  for (const auto& s : rows) ids.push_back(s.customer);
  auto codes = customers::CustomerCodes(conn, ids);
  for (auto& s : rows) {
    if (auto it = codes.find(s.customer); it != codes.end()) s.customer_code = it->second;
  }
  return rows;
}

}  // namespace ordo::views
