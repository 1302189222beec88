// The packing slip of a shipment: what goes in the box with the goods, as a printed document
// (documents::PrintedDocument; documents::RenderPdf makes the PDF).
//
// It lives in flows because it reads five modules (fulfillment, orders, customers, inventory,
// catalog); the documents module knows none of them.
//
// What it shows: title "PACKING SLIP" and the shipment number; header fields Ship date (the
// UTC date shipped, or "not shipped" while picking), Order, PO number (when the order has
// one), Customer (code), Warehouse (code), and Carrier, Service and Tracking once confirmed;
// the "Ship to" address (customer name, ship-to name, street, city/region/postal code,
// country) and the "Ship from" warehouse; a table of Line, SKU, Item (name), UOM, Ordered
// (the order line's quantity), Picked (the pick list's), Shipped (blank while picking); and,
// once confirmed, totals Packages (count), Weights (each package's, as given) and Total weight
// (their exact sum). Quantities are in the item's base unit.
#pragma once

#include <map>
#include <string>

#include "catalog/item.h"
#include "core/status.h"
#include "customers/customer.h"
#include "documents/printed_document.h"
#include "fulfillment/shipment.h"
#include "inventory/warehouse.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

// What a packing slip is made of. Plain values, so tests build one in memory.
struct PackingSlipSource {
  fulfillment::Shipment shipment;
  orders::Order order;                         // the shipment's order
  customers::Customer customer;                // the order's; its ship-to is order.ship_to
  inventory::Warehouse warehouse;              // the shipment's
  std::map<std::string, catalog::Item> items;  // by SKU: the shipment lines' items
};

// The packing slip of `source` (see the file comment). A line whose item or order line is
// missing from `source` prints blanks for what it cannot know.
documents::PrintedDocument PackingSlip(const PackingSlipSource& source);

// Reads what the packing slip of `shipment` needs and makes it.
// Errors: internal when the shipment's order, customer, warehouse or an item is missing (the
// schema's foreign keys forbid it).
Result<documents::PrintedDocument> LoadPackingSlip(store::Connection& conn,
                                                   const fulfillment::Shipment& shipment);

}  // namespace ordo::flows
