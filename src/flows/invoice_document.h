// The printed invoice (documents::PrintedDocument; documents::RenderPdf makes the PDF).
//
// What it shows: title "INVOICE" and the invoice number; header fields Invoice date, Order,
// PO number (when the order has one), Customer (code), Shipment, Terms, Due date and, for
// terms with an early-pay discount, "Discount": "2% if paid by 2026-03-12"; the "Bill to" and
// "Ship to" addresses; a table of Line, SKU, Description (item name), Qty (base units),
// Unit price, Tax % and Amount; totals Subtotal, Tax, Freight, Total (emphasised) and, once
// something settled it, Paid, Discount taken, Credited and Balance due (emphasised); a footer
// asking to quote the number with the payment, in the invoice's currency.
#pragma once

#include <map>
#include <string>

#include "catalog/item.h"
#include "core/status.h"
#include "customers/customer.h"
#include "documents/printed_document.h"
#include "invoicing/invoice.h"
#include "orders/order.h"
#include "store/database.h"

namespace ordo::flows {

struct InvoiceDocumentSource {
  invoicing::Invoice invoice;
  orders::Order order;                         // the invoice's: PO number and ship-to
  customers::Customer customer;                // the invoice's
  std::map<std::string, catalog::Item> items;  // by SKU: the lines' items (names)
};

documents::PrintedDocument InvoiceDocument(const InvoiceDocumentSource& source);

// Reads what the printed invoice needs and makes it. Errors: internal when the invoice's
// order, customer or an item is missing (the schema's foreign keys forbid it).
Result<documents::PrintedDocument> LoadInvoiceDocument(store::Connection& conn,
                                                       const invoicing::Invoice& invoice);

}  // namespace ordo::flows
