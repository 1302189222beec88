#include "flows/ledger_postings.h"

#include "ledger/accounts.h"
#include "ledger/journal.h"

namespace ordo::flows {

namespace acc = ledger::accounts;

void PostInvoice(store::Connection& conn, const CommandContext& ctx,
                 const invoicing::Invoice& invoice) {
  ledger::JournalEntry e;
  e.date = invoice.invoice_date;
  e.kind = "invoice";
  e.source = "invoice";
  e.source_id = invoice.id.value();
  e.reference = invoice.number;
  e.memo = invoice.number + " for " + invoice.order_number;
  e.Debit(acc::kReceivables, invoice.total, invoice.customer);
  e.Credit(acc::kRevenue, invoice.subtotal);
  e.Credit(acc::kSalesTaxPayable, invoice.tax);
  e.Credit(acc::kFreightIncome, invoice.freight);
  ledger::Post(conn, ctx, e);
}

void PostStockReceipt(store::Connection& conn, const CommandContext& ctx,
                      const std::string& reference, Money cost) {
  ledger::JournalEntry e;
  e.date = DateOf(ctx.now);
  e.kind = "stock_receipt";
  e.source = "receipt";
  e.reference = reference;
  e.memo = "stock received " + reference;
  e.Debit(acc::kInventory, cost);
  e.Credit(acc::kReceivedNotInvoiced, cost);
  ledger::Post(conn, ctx, e);
}

void PostStockAdjustment(store::Connection& conn, const CommandContext& ctx,
                         const std::string& reference, Money signed_cost) {
  ledger::JournalEntry e;
  e.date = DateOf(ctx.now);
  e.kind = "stock_adjustment";
  e.source = "adjustment";
  e.reference = reference;
  e.memo = "stock adjustment: " + reference;
  e.Debit(acc::kInventory, signed_cost);  // a negative amount books the other side
  e.Credit(acc::kInventoryAdjustments, signed_cost);
  ledger::Post(conn, ctx, e);
}

void PostShipmentCost(store::Connection& conn, const CommandContext& ctx,
                      const fulfillment::Shipment& shipment, Money cost) {
  ledger::JournalEntry e;
  e.date = DateOf(ctx.now);
  e.kind = "shipment_cost";
  e.source = "shipment";
  e.source_id = shipment.id.value();
  e.reference = shipment.number;
  e.memo = shipment.number + " for " + shipment.order_number;
  e.Debit(acc::kCostOfGoodsSold, cost);
  e.Credit(acc::kInventory, cost);
  ledger::Post(conn, ctx, e);
}

void PostPaymentReceived(store::Connection& conn, const CommandContext& ctx,
                         const receivables::Payment& payment) {
  ledger::JournalEntry e;
  e.date = payment.received_date;
  e.kind = "payment";
  e.source = "payment";
  e.source_id = payment.id.value();
  e.reference = payment.number;
  e.memo = payment.method + (payment.reference.empty() ? "" : " " + payment.reference);
  e.Debit(acc::kCash, payment.amount);
  e.Credit(acc::kReceivables, payment.amount, payment.customer);
  ledger::Post(conn, ctx, e);
}

void PostDiscountAllowed(store::Connection& conn, const CommandContext& ctx,
                         const receivables::Payment& payment, const invoicing::Invoice& invoice,
                         Money discount, Date date) {
  ledger::JournalEntry e;
  e.date = date;
  e.kind = "payment_discount";
  e.source = "payment";
  e.source_id = payment.id.value();
  e.reference = invoice.number;
  e.memo = "early-pay discount with " + payment.number;
  e.Debit(acc::kSalesDiscounts, discount);
  e.Credit(acc::kReceivables, discount, payment.customer);
  ledger::Post(conn, ctx, e);
}

void PostCreditMemo(store::Connection& conn, const CommandContext& ctx,
                    const invoicing::CreditMemo& memo) {
  ledger::JournalEntry e;
  e.date = memo.memo_date;
  e.kind = "credit_memo";
  e.source = "credit_memo";
  e.source_id = memo.id.value();
  e.reference = memo.number;
  e.memo = memo.number + " for " + memo.return_number;
  e.Debit(acc::kSalesReturns, memo.subtotal);
  e.Debit(acc::kSalesTaxPayable, memo.tax);
  e.Credit(acc::kSalesDiscounts, memo.discount_adjustment);  // the discount given back
  e.Credit(acc::kReceivables, memo.total, memo.customer);
  ledger::Post(conn, ctx, e);
}

namespace {

void PostReturnCost(store::Connection& conn, const CommandContext& ctx, const returns::Rma& rma,
                    std::string_view kind, std::string_view debit_account, Money cost) {
  ledger::JournalEntry e;
  e.date = DateOf(ctx.now);
  e.kind = std::string(kind);
  e.source = "return";
  e.source_id = rma.id.value();
  e.reference = rma.number;
  e.memo = rma.number + " for " + rma.order_number;
  e.Debit(debit_account, cost);
  e.Credit(acc::kCostOfGoodsSold, cost);
  ledger::Post(conn, ctx, e);
}

}  // namespace

void PostReturnRestock(store::Connection& conn, const CommandContext& ctx, const returns::Rma& rma,
                       Money cost) {
  PostReturnCost(conn, ctx, rma, "restock", acc::kInventory, cost);
}

void PostReturnScrap(store::Connection& conn, const CommandContext& ctx, const returns::Rma& rma,
                     Money cost) {
  PostReturnCost(conn, ctx, rma, "scrap", acc::kInventoryWriteOff, cost);
}

void PostCreditMemoRefund(store::Connection& conn, const CommandContext& ctx,
                          const invoicing::CreditMemo& memo, Money amount) {
  ledger::JournalEntry e;
  e.date = DateOf(ctx.now);
  e.kind = "refund";
  e.source = "credit_memo";
  e.source_id = memo.id.value();
  e.reference = memo.number;
  e.memo = "refund of " + memo.number;
  e.Debit(acc::kReceivables, amount, memo.customer);
  e.Credit(acc::kCash, amount);
  ledger::Post(conn, ctx, e);
}

}  // namespace ordo::flows
