// Read-only queries over orders for lists and lookups: the newest-first order list with its
// filters, and resolving an order's id or number to the order's id and customer (enough to
// check who may see it before loading anything else).
//
// The list filters on the stored orders.status (see order_repository.h for how it is kept).
// Functions take a connection, which belongs to one thread at a time; nothing here writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::orders {

// One row of the order list: the header, its status and total, no lines.
struct OrderSummary {
  OrderId id;
  std::string number;
  int64_t version = 0;
  CustomerId customer;
  std::string customer_code;  // display name, filled by views::ListOrders; empty here
  OrderStatus status = OrderStatus::kOpen;
  std::string po_number;
  std::string channel;
  Money total;
  std::string currency;
  Timestamp created_at;
};

// Every set field narrows the list; all unset lists every order.
struct OrderFilter {
  std::optional<OrderStatus> status;
  std::optional<CustomerId> customer_id;    // a code is resolved to its id first
  std::optional<Timestamp> created_from;    // created_at >= created_from
  std::optional<Timestamp> created_before;  // created_at < created_before
  std::optional<std::string> channel;       // "phone", "web", ... (IsValidChannel)
};

// At most `limit` orders matching `filter` with id < `before` (all when nullopt), newest
// (highest id) first. REQUIRES: limit >= 1.
std::vector<OrderSummary> ListOrders(store::Connection& conn, const OrderFilter& filter,
                                     std::optional<OrderId> before, int limit);

struct OrderKey {
  OrderId id;
  CustomerId customer;
};

// The order with id `id`, or nullopt.
std::optional<OrderKey> FindOrderKey(store::Connection& conn, OrderId id);
// The order numbered `number` ("SO-000042"), or nullopt.
std::optional<OrderKey> FindOrderKeyByNumber(store::Connection& conn, std::string_view number);

// How many orders there are, and how many of them were cancelled (a cancel reason is stored
// when anything of the order was cancelled).
int64_t CountOrders(store::Connection& conn);
// Whether `customer` has an order that is not cancelled (one indexed read; the approval rule
// first_order matches an order of a customer without one).
bool CustomerHasOrders(store::Connection& conn, CustomerId customer);
// The same, leaving out the order `except` (an order change asks whether the order it changes is
// still the customer's first).
bool CustomerHasOtherOrders(store::Connection& conn, CustomerId customer, OrderId except);
int64_t CountCancelledOrders(store::Connection& conn);
// Orders that were ever put on a hold of any kind, released or not.
int64_t CountHeldOrders(store::Connection& conn);

// An (order, warehouse) pair where the order has stock allocated: what a pick list could take.
struct AllocatedOrderWarehouse {
  OrderId order;
  WarehouseId warehouse;
};
// Each (order, warehouse) with an allocation, of the open, backordered or partially shipped
// orders created before `created_before`, by order id then warehouse id.
std::vector<AllocatedOrderWarehouse> ListAllocatedOrderWarehouses(store::Connection& conn,
                                                                  Timestamp created_before);

// An order with stock allocated in one warehouse: an entry of that warehouse's pick queue.
struct OrderToPick {
  OrderId id;
  std::string number;
  CustomerId customer;
  Timestamp created_at;
  int lines = 0;         // its lines with stock allocated in the warehouse
  int64_t quantity = 0;  // what is allocated to them there (base units)
};
// The orders a pick list could be made of in `warehouse`: open, backordered or partially
// shipped (never held, cancelled or done) with stock allocated there, leaving out an order
// that ships complete while a line still awaits stock (flows::CreateShipment refuses it).
// Oldest (lowest id) first: at most `limit` with id > `after`. Reads the live allocations only
// (shipped or cancelled quantities leave the table). REQUIRES: limit >= 1.
std::vector<OrderToPick> ListOrdersToPick(store::Connection& conn, WarehouseId warehouse,
                                          OrderId after, int limit);

// The number of each order in `ids` that exists, by id: one query for a whole page (read models
// name the orders other modules refer to by id). Repeated ids are read once.
std::unordered_map<OrderId, std::string> OrderNumbers(store::Connection& conn,
                                                      const std::vector<OrderId>& ids);

}  // namespace ordo::orders
