// A warehouse's pick queue: the orders with stock allocated there, oldest first, each with the
// number of lines and the quantity to pick and the pick list already made of it, if any. What
// the warehouse works through: an order without a pick list gets one (POST /api/v1/shipments),
// an order with one is picked from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "store/database.h"

namespace ordo::views {

struct PickQueueEntry {
  OrderId id;  // the order's: the page's cursor
  std::string order;
  std::string customer;  // code
  Timestamp placed_at;
  int lines = 0;         // lines with stock allocated in the warehouse
  int64_t quantity = 0;  // allocated there, base units
  // The oldest open (picking) pick list of the order in the warehouse, and its line count.
  std::optional<std::string> pick_list;
  int pick_list_lines = 0;
};

// orders::ListOrdersToPick, named (customer codes) and with each order's open pick list: three
// queries for a page. At most `limit` orders with id > `after`, oldest first.
std::vector<PickQueueEntry> ListPickQueue(store::Connection& conn, WarehouseId warehouse,
                                          OrderId after, int limit);

}  // namespace ordo::views
