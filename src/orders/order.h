// Sales orders: a document with lines; each line carries its own quantities.
//
// Nothing here stores an order's status: DeriveStatus() computes it from the lines and the
// active holds, so it can never disagree with them.
//
// An order refers to customers, ship-tos, items and warehouses by id. The codes it shows
// (customer_code, ship_to_code, a line's sku, an allocation's warehouse_code) are display names
// that this module never reads: order placement fills them from what it resolved, and the read
// model (views/order_view.h) fills them for a stored order. The repository leaves them empty.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/ids.h"
#include "core/money.h"

namespace ordo::orders {

struct LineAllocation {
  WarehouseId warehouse;
  std::string warehouse_code;  // display name (see above)
  int64_t quantity = 0;
};

struct OrderLine {
  OrderLineId id;
  int line_no = 0;
  ItemId item;
  std::string sku;  // display name (see above)
  int64_t entered_quantity = 0;
  std::string entered_uom;
  int64_t quantity = 0;  // base units ordered
  int64_t quantity_shipped = 0;
  int64_t quantity_invoiced = 0;
  int64_t quantity_cancelled = 0;
  int64_t quantity_returned = 0;  // received back on returns, either disposition
  Money unit_price;
  std::string price_source;
  std::string price_explanation;  // for people: "contract K-17 until 2027-03-31"
  std::optional<std::string> override_reason;
  Money extended_amount;
  // Sales tax at entry (invoicing/sales_tax.h): the rate that taxed the line when the order was
  // placed (0 when none did) and the tax on its extended amount, rounded as its invoice rounds.
  int64_t tax_rate_ppm = 0;
  Money tax_amount;
  Money unit_cost;  // the item's cost per base unit when the order was placed (staff only)
  std::optional<std::string> customer_part_number;  // what the customer ordered it as, if given
  // The line's own requested date, set by an order change (flows/order_edit.h); the order's
  // requested_date when none.
  std::optional<Date> requested_date;
  // A configured line's {"configurator", "answers", "description"} as JSON text: a display
  // value like `sku` (placement fills it from what it resolved, views::LoadOrder from the
  // configurator module), written into the order's JSON as it is.
  std::optional<std::string> configuration;
  // By warehouse id as orders::LoadOrder reads them; views::LoadOrder (what commands and
  // answers use) puts them in the warehouses' allocation rank, the order they are shown and
  // given back in.
  std::vector<LineAllocation> allocations;

  int64_t quantity_allocated() const;
  // Still to be shipped: ordered - shipped - cancelled.
  int64_t quantity_open() const { return quantity - quantity_shipped - quantity_cancelled; }
  // Open quantity that no allocation covers, for an order that is not on hold.
  int64_t quantity_unallocated() const { return quantity_open() - quantity_allocated(); }
};

struct Hold {
  int64_t id = 0;
  std::string kind;  // credit, manual, pricing, fraud
  std::string reason;
  Timestamp created_at;
  std::optional<Timestamp> released_at;
  std::optional<std::string> released_by;
  std::optional<std::string> release_note;
  bool active() const { return !released_at.has_value(); }
};

enum class OrderStatus {
  kOnHold,
  kOpen,
  kBackordered,
  kPartiallyShipped,
  kShipped,
  kInvoiced,
  kClosed,
  kCancelled,
};

std::string_view StatusName(OrderStatus s);
std::optional<OrderStatus> StatusFromName(std::string_view name);

struct Order {
  OrderId id;
  std::string number;
  CustomerId customer;
  std::string customer_code;  // display name (see above)
  ShipToId ship_to;
  std::string ship_to_code;  // display name (see above)
  std::string po_number;
  std::string channel;
  std::optional<Date> requested_date;
  bool allow_partial_shipment = true;
  std::string currency = "USD";
  Money subtotal;
  Money tax;  // the sum of the lines' tax at entry
  Money freight;
  // The exemption that left the order untaxed at entry: a certificate number, or "customer"
  // for a customer exempt everywhere.
  std::optional<std::string> tax_exemption;
  std::optional<std::string> cancel_reason;
  std::string created_by;
  // Everything not cancelled is invoiced and no invoice of the order has a balance left; kept
  // by the flows that settle invoices (flows/order_settlement.h).
  bool settled = false;
  int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::vector<OrderLine> lines;
  std::vector<Hold> holds;

  Money total() const { return subtotal + tax + freight; }
  // The line with id `id`, or nullptr.
  OrderLine* FindLine(OrderLineId id);
  const OrderLine* FindLine(OrderLineId id) const;
  bool has_active_hold() const;
  const Hold* ActiveHold(std::string_view kind) const;
};

// The status of an order from its lines and holds:
//   cancelled          every line fully cancelled
//   on_hold            an active hold (and something is still open)
//   closed             everything not cancelled is invoiced and the order is settled (its
//                      invoices are paid or credited)
//   invoiced           everything not cancelled is invoiced, something is still owed
//   shipped            everything not cancelled is shipped
//   partially_shipped  something shipped, something still open
//   backordered        nothing shipped, some open quantity unallocated
//   open               nothing shipped, all open quantity allocated
OrderStatus DeriveStatus(const Order& order);

bool IsValidChannel(std::string_view channel);

}  // namespace ordo::orders
