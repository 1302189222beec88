// How each financial event maps onto the chart of accounts (ledger/accounts.h). Every flow
// that causes a financial event calls one of these in its own unit of work, so the ledger
// changes exactly when the documents do; this file is the one place that says which
// accounts an event debits and credits.
#pragma once

#include "core/command_context.h"
#include "core/money.h"
#include "fulfillment/shipment.h"
#include "invoicing/credit_memo.h"
#include "invoicing/invoice.h"
#include "receivables/payment.h"
#include "returns/rma.h"
#include "store/database.h"

namespace ordo::flows {

// Invoice: debit receivables (the customer's) by the total; credit revenue by the subtotal,
// sales tax payable by the tax and freight income by the freight.
void PostInvoice(store::Connection& conn, const CommandContext& ctx,
                 const invoicing::Invoice& invoice);

// Stock received from a supplier, at cost: debit inventory, credit goods received not invoiced
// (the supplier's invoice clears it in purchasing, outside Ordo for now).
void PostStockReceipt(store::Connection& conn, const CommandContext& ctx,
                      const std::string& reference, Money cost);

// A counted correction of stock, at cost: a gain debits inventory and credits inventory
// adjustments, a loss the other way round.
void PostStockAdjustment(store::Connection& conn, const CommandContext& ctx,
                         const std::string& reference, Money signed_cost);

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
// Credit memo: debit sales returns by the subtotal and sales tax payable by the tax; credit
// sales discounts by the discount adjustment and receivables (the customer's) by the total.
void PostCreditMemo(store::Connection& conn, const CommandContext& ctx,
                    const invoicing::CreditMemo& memo);

// Returned goods at cost (item cost x quantity, rounded to the minor unit), taken back out of
// cost of goods sold: restocked goods debit inventory, scrapped goods debit inventory
// write-off; both credit cost of goods sold. A zero cost posts nothing.
void PostReturnRestock(store::Connection& conn, const CommandContext& ctx, const returns::Rma& rma,
                       Money cost);
void PostReturnScrap(store::Connection& conn, const CommandContext& ctx, const returns::Rma& rma,
                     Money cost);

// Refund of a credit memo's balance: debit receivables (the customer's), credit cash.
void PostCreditMemoRefund(store::Connection& conn, const CommandContext& ctx,
                          const invoicing::CreditMemo& memo, Money amount);

}  // namespace ordo::flows
