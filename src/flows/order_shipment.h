// Shipping an order: a pick list per order and warehouse, and its confirmation. Each command
// is one unit of work that writes its rows, audit records and outbox events.
//
// Stock: creating a pick list moves nothing (what is picked is already allocated). Confirming
// it ships: per line, on hand and allocated drop by the shipped quantity ("ship" movement),
// the line's allocation in the warehouse shrinks by the picked quantity and its
// quantity_shipped grows by the shipped quantity. A short confirmation gives what was picked
// but not shipped back to the line as unallocated ("deallocate" movement): the line is then
// backordered for it. The customer's open order value does not change (shipped value stays
// open until it is invoiced).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/command_context.h"
#include "core/money.h"
#include "core/status.h"
#include "fulfillment/shipment.h"
#include "invoicing/invoice.h"
#include "store/database.h"

namespace ordo::flows {

// Creates a pick list ("picking") of `order` in the warehouse coded `warehouse`: per line, its
// allocation there that no other picking shipment of the order already holds.
// Errors: not_found (order or warehouse), invalid_state (order cancelled or on hold; order
// forbids partial shipment and a line is not fully allocated; nothing left to pick there).
Result<fulfillment::Shipment> CreateShipment(store::Connection& conn, const CommandContext& ctx,
                                             OrderId order, std::string_view warehouse);

struct ShippedLine {
  int line_no = 0;
  int64_t quantity = 0;
};

struct ShipmentConfirmation {
  std::string carrier;
  std::string service;
  std::string tracking_number;
  std::vector<fulfillment::Package> packages;
  // What the customer is charged for carriage, billed on the shipment's invoice.
  Money freight;
  // Lines shipped short (0 <= quantity <= picked); the shipment's other lines ship in full.
  std::vector<ShippedLine> lines;
};

struct ConfirmedShipment {
  fulfillment::Shipment shipment;
  invoicing::Invoice invoice;  // created with the confirmation (flows/shipment_invoice.h)
};

// Confirms a picking shipment as shipped (see the file comment for the stock and order
// effects) and invoices it in the same unit of work; the cost of what shipped is posted to
// the ledger (cost of goods sold against inventory). Errors: not_found; invalid_argument (a line_no
// not on the shipment, a quantity above the picked one, or nothing shipped at all); invalid_state
// (already shipped; the order is cancelled or on hold, or its allocation no longer covers the pick
// list; the order ships complete only and a line would ship short); precondition_failed
// (expected_version is stale).
Result<ConfirmedShipment> ConfirmShipment(store::Connection& conn, const CommandContext& ctx,
                                          ShipmentId id, const ShipmentConfirmation& request,
                                          std::optional<int64_t> expected_version);

// Cancels a pick list that is still being picked (the goods were not found, or the order is to
// ship otherwise). Nothing moves: what it held stays allocated to the order, which can be
// picked again. Errors: invalid_argument (no reason, or not UTF-8); not_found; invalid_state
// (shipped or already cancelled); precondition_failed (expected_version is stale).
Result<fulfillment::Shipment> CancelShipment(store::Connection& conn, const CommandContext& ctx,
                                             ShipmentId id, const std::string& reason,
                                             std::optional<int64_t> expected_version);

}  // namespace ordo::flows
