#include "views/pick_queue_view.h"

#include <unordered_map>

#include "customers/customer_queries.h"
#include "fulfillment/shipment_repository.h"
#include "orders/order_queries.h"
#include "views/name_of.h"

namespace ordo::views {

std::vector<PickQueueEntry> ListPickQueue(store::Connection& conn, WarehouseId warehouse,
                                          OrderId after, int limit) {
  auto orders = orders::ListOrdersToPick(conn, warehouse, after, limit);
  std::vector<OrderId> ids;
  std::vector<CustomerId> customers;
  for (const auto& o : orders) {
    ids.push_back(o.id);
    customers.push_back(o.customer);
  }
  auto codes = customers::CustomerCodes(conn, customers);
  std::unordered_map<OrderId, fulfillment::OpenPickList> lists;
  for (auto& p : fulfillment::OpenPickLists(conn, warehouse, ids)) {
    lists.emplace(p.order, std::move(p));  // oldest first: the first of an order stays
  }
  std::vector<PickQueueEntry> out;
  for (auto& o : orders) {
    PickQueueEntry e;
    e.id = o.id;
    e.order = std::move(o.number);
    e.customer = NameOf(codes, o.customer);
    e.placed_at = o.created_at;
    e.lines = o.lines;
    e.quantity = o.quantity;
    if (auto it = lists.find(o.id); it != lists.end()) {
      e.pick_list = it->second.number;
      e.pick_list_lines = it->second.lines;
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace ordo::views
