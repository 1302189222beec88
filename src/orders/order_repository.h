// Reads and writes of orders, their lines, allocations and holds. The orders module owns
// these tables; other modules refer to orders by id.
//
// orders.status holds DeriveStatus() of the stored order so that lists can filter by it. Every
// command that changes an order's lines, allocations or holds keeps it: InsertOrder and
// InsertHold do so themselves; otherwise the command ends with TouchOrder (which stores the
// status of the order as changed in memory) or, when the version does not move, StoreStatus.
// The same three keep order_lines.awaiting_stock (open quantity > allocated, migration 0012),
// which the backorder lookup reads: InsertOrder from the lines' allocations in memory,
// TouchOrder and StoreStatus from the stored quantities and allocation rows.
// The invariant checker (tests/support/invariants.h) compares the column with DeriveStatus.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "orders/order.h"
#include "store/database.h"

namespace ordo::orders {

// The next order number ("SO-000042"), without gaps: it is taken inside the command's unit of
// work, so a rolled-back command gives its number back.
std::string NextOrderNumber(store::Connection& conn);

// Writes the header and lines (not allocations or holds), with DeriveStatus(order) as the
// stored status; fills in order.id and line ids.
void InsertOrder(store::Connection& conn, Order& order);
// Writes order.lines[first..] of a stored order (an order change adds lines) and fills in
// their ids. REQUIRES: order.id is set; line_no is unique within the order.
void InsertLines(store::Connection& conn, Order& order, size_t first);
// Stores what an order change may change on a line: entered and base quantity, quantity
// cancelled, price with its source, explanation and override reason, extension, tax rate and
// tax, requested date. The caller keeps the allocations and the customer's open order value.
void UpdateLineTerms(store::Connection& conn, const OrderLine& line);
// Stores the header figures an order change may change: ship-to, subtotal, tax, exemption.
// The version and status move with TouchOrder.
void UpdateHeaderTerms(store::Connection& conn, const Order& order);
// Records that `actor` changed the order (once per actor; table order_changers).
void RecordChanger(store::Connection& conn, OrderId order, std::string_view actor, Timestamp at);
// Whether `actor` ever changed the order (segregation of duties: see flows::ReleaseHold).
bool ChangedBy(store::Connection& conn, OrderId order, std::string_view actor);
struct NewAllocation {
  OrderLineId line;
  WarehouseId warehouse;
  int64_t quantity = 0;
};
// Adds each quantity to its line's allocation in its warehouse. REQUIRES: no (line,
// warehouse) pair twice.
void AddLineAllocations(store::Connection& conn, const std::vector<NewAllocation>& adds);
// Removes every allocation of the line.
void ClearLineAllocations(store::Connection& conn, OrderLineId line);
// Adds an active hold and puts the order's stored status on_hold when something is left to
// ship. REQUIRES: the stored status is current.
int64_t InsertHold(store::Connection& conn, OrderId order, const Hold& hold);
void ReleaseHold(store::Connection& conn, int64_t hold_id, Timestamp at, std::string_view by,
                 std::string_view note);
void SetLineCancelled(store::Connection& conn, OrderLineId line, int64_t quantity_cancelled);
void SetLineShipped(store::Connection& conn, OrderLineId line, int64_t quantity_shipped);
void SetLineInvoiced(store::Connection& conn, OrderLineId line, int64_t quantity_invoiced);
// REQUIRES: quantity_returned <= the line's quantity_shipped (the schema refuses more).
void SetLineReturned(store::Connection& conn, OrderLineId line, int64_t quantity_returned);
// Takes `quantity` off the line's allocation in `warehouse`, removing the row when nothing is
// left. REQUIRES: 0 < quantity <= the allocation.
void ReduceLineAllocation(store::Connection& conn, OrderLineId line, WarehouseId warehouse,
                          int64_t quantity);
// Stores order.settled and the status it derives (settlement does not bump the version: the
// order's own lines and holds did not change).
void StoreSettled(store::Connection& conn, const Order& order);
// Stores `status` as the order's status (for a change that does not bump the version).
void StoreStatus(store::Connection& conn, OrderId order, OrderStatus status);
// Bumps the version from `order.version`, sets updated_at and stores DeriveStatus(order), the
// order as changed in memory; returns false (and writes nothing) when the stored version is no
// longer `order.version`.
bool TouchOrder(store::Connection& conn, const Order& order, Timestamp at,
                const std::optional<std::string>& cancel_reason);

// An open line of `item` that allocations do not fully cover, on an order without an active
// hold: what backorder release may allocate to.
struct BackorderedLine {
  OrderId order;
  OrderLineId line;
  int64_t quantity = 0;  // unallocated: open - allocated, > 0
};
// The backordered lines of `item`, in the order arriving stock serves them: the earliest
// requested date first (the line's own, else its order's; lines without one after every line
// with one), then the oldest order
// (lowest id), then line_no. Reads only the lines awaiting stock (order_lines_awaiting).
std::vector<BackorderedLine> ListBackorderedLines(store::Connection& conn, ItemId item);

// The stored order with its lines (by line_no), allocations (by warehouse id) and holds, and
// without display names: views::LoadOrder names it and puts allocations in the order the
// order shows them (the warehouses' allocation rank).
std::optional<Order> LoadOrder(store::Connection& conn, OrderId id);
std::optional<Order> LoadOrderByNumber(store::Connection& conn, std::string_view number);

}  // namespace ordo::orders
