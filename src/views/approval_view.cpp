#include "views/approval_view.h"

#include "customers/customer_queries.h"
#include "orders/order_queries.h"

namespace ordo::views {

nlohmann::json ApprovalsJson(store::Connection& conn,
                             const std::vector<approvals::Approval>& rows) {
  std::vector<OrderId> orders;
  std::vector<CustomerId> customers;
  for (const auto& a : rows) {
    orders.push_back(a.order);
    customers.push_back(a.customer);
  }
  auto numbers = orders::OrderNumbers(conn, orders);
  auto codes = customers::CustomerCodes(conn, customers);
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : rows) {
    auto n = numbers.find(a.order);
    auto c = codes.find(a.customer);
    out.push_back(approvals::ToJson(a, n == numbers.end() ? "" : n->second,
                                    c == codes.end() ? "" : c->second));
  }
  return out;
}

nlohmann::json ApprovalJson(store::Connection& conn, const approvals::Approval& a) {
  return ApprovalsJson(conn, {a}).at(0);
}

}  // namespace ordo::views
