// How each financial event maps onto the chart of accounts (ledger/accounts.h). Every flow
// that causes a financial event calls one of these in its own unit of work, so the ledger
// changes exactly when the documents do; this file is the one place that says which
// accounts an event debits and credits.
#pragma once

#include "core/command_context.h"
#include "core/money.h"
#include "fulfillment/shipment.h"
#include "invoicing/invoice.h"
#include "receivables/payment.h"
#include "store/database.h"

namespace ordo::flows {

// Invoice: debit receivables (the customer's) by the total; credit revenue by the subtotal,
// sales tax payable by the tax and freight income by the freight.
void PostInvoice(store::Connection& conn, const CommandContext& ctx,
                 const invoicing::Invoice& invoice);

// Shipment: what left the warehouse at cost: debit cost of goods sold, credit inventory.
void PostShipmentCost(store::Connection& conn, const CommandContext& ctx,
                      const fulfillment::Shipment& shipment, Money cost);

// Payment received: debit cash, credit receivables (the customer's) by its amount, dated the
// day it was received.
void PostPaymentReceived(store::Connection& conn, const CommandContext& ctx,
                         const receivables::Payment& payment);

// Early-pay discount allowed on `invoice` when `payment` was applied: debit sales discounts,
// credit receivables (the customer's).
void PostDiscountAllowed(store::Connection& conn, const CommandContext& ctx,
                         const receivables::Payment& payment, const invoicing::Invoice& invoice,
                         Money discount, Date date);

}  // namespace ordo::flows
