// Invoicing on shipment: the invoice of a shipment that has just been confirmed, created in
// the confirmation's unit of work (flows::ConfirmShipment calls it), so a shipment is never
// shipped without its invoice nor invoiced twice.
//
// Lines are what shipped, at the order line's unit price, each extended and taxed on its own
// by invoicing/sales_tax.h, as the order was taxed at entry: the rate is that of the ship-to's
// region and the item's tax class on the invoice date, none for a customer exempt everywhere
// or with a certificate for the region valid on the invoice date. A line's tax is cumulative
// (the tax on all of the line invoiced so far less the tax on what earlier invoices billed), so
// an order shipped in parts is billed, over its invoices, exactly the tax it was placed with.
// Freight is what the confirmation charged. Terms come from the customer: due date, and the
// early-pay discount date and size. The order's lines are invoiced for what shipped, the customer's
// open order value drops by the value that is now invoiced and its open receivables grow by the
// total; the invoice is posted to the ledger, audited and published ("invoice.created").
#pragma once

#include "core/command_context.h"
#include "core/money.h"
#include "core/status.h"
#include "fulfillment/shipment.h"
#include "invoicing/invoice.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

// REQUIRES: `shipment` is confirmed (its lines' quantity_shipped final) and `order` is its
// order as loaded and changed in memory by the confirmation; something shipped. Updates the
// order lines' quantity_invoiced in memory too. Errors: invalid_state when the customer's
// payment terms are not understood (nothing is written).
Result<invoicing::Invoice> InvoiceShipment(store::Connection& conn, const CommandContext& ctx,
                                           const fulfillment::Shipment& shipment,
                                           orders::Order& order, Money freight);

}  // namespace ordo::flows
