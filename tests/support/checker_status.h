// The invariant checker's own reading of an order's status, from the plain quantities of its
// lines, its allocations and its holds, written apart from orders::DeriveStatus so that the
// two can disagree when one of them is wrong.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "store/database.h"

namespace ordo::test_support {

// What an order's status follows from, summed over its lines.
struct OrderFacts {
  int64_t ordered = 0;      // SUM(quantity)
  int64_t cancelled = 0;    // SUM(quantity_cancelled)
  int64_t shipped = 0;      // SUM(quantity_shipped)
  int64_t invoiced = 0;     // SUM(quantity_invoiced)
  int64_t unallocated = 0;  // SUM over lines of MAX(open - allocated, 0)
  bool active_hold = false;
  bool settled = false;
};

// The status name an order with these facts has:
//   cancelled          nothing left once cancellations are taken off
//   on_hold            an active hold and not everything shipped
//   closed / invoiced  everything left invoiced, settled or not
//   shipped            everything left shipped (not yet all invoiced)
//   partially_shipped  some of it shipped
//   backordered        nothing shipped and some open quantity without stock
//   open               nothing shipped and every open unit allocated
std::string ExpectedStatus(const OrderFacts& facts);

// The facts of every order, by order id, read from the tables.
std::map<int64_t, OrderFacts> ReadOrderFacts(store::Connection& conn);

}  // namespace ordo::test_support
