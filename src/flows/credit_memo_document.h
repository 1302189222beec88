// The printed credit memo (documents::PrintedDocument; documents::RenderPdf makes the PDF).
//
// What it shows: title "CREDIT MEMO" and the memo number; header fields Memo date, Customer
// (code), Return (the RMA), Order and, when the RMA names one, Invoice; the "Bill to" address;
// a table of Line, SKU, Description (item name), Invoice (the invoice line credited), Qty,
// Unit price, Tax % and Amount; totals Subtotal, Tax, Total credit (emphasised) and, once
// something settled it, Applied, Refunded and Balance (emphasised); footer lines saying how
// the balance may be used, in the memo's currency.
#pragma once

#include <map>
#include <string>

#include "catalog/item.h"
#include "core/status.h"
#include "customers/customer.h"
#include "documents/printed_document.h"
#include "invoicing/credit_memo.h"
#include "store/database.h"

namespace ordo::flows {

struct CreditMemoDocumentSource {
  invoicing::CreditMemo memo;
  customers::Customer customer;                // the memo's
  std::map<std::string, catalog::Item> items;  // by SKU: the lines' items (names)
};

documents::PrintedDocument CreditMemoDocument(const CreditMemoDocumentSource& source);

// Reads what the printed memo needs and makes it. Errors: internal when the memo's customer or
// an item is missing (the schema's foreign keys forbid it).
Result<documents::PrintedDocument> LoadCreditMemoDocument(store::Connection& conn,
                                                          const invoicing::CreditMemo& memo);

}  // namespace ordo::flows
