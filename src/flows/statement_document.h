// The printed statement of a customer's account (GET /api/v1/customers/{ref}/statement.pdf):
// what the statement read model says (receivables/statement.h) with the customer's bill-to
// address and its aging on the statement's last day, as a documents::PrintedDocument.
#pragma once

#include "core/status.h"
#include "customers/customer.h"
#include "documents/printed_document.h"
#include "receivables/aging.h"
#include "receivables/statement.h"
#include "store/database.h"

namespace ordo::flows {

struct StatementDocumentSource {
  customers::Customer customer;
  receivables::Statement statement;
  receivables::AgingReport aging;  // of the customer alone, on the statement's `to`
};

// Numbered "<customer code>-<to date>" (also the PDF's file name): a statement is of an
// account on a date, not a document with a number of its own.
documents::PrintedDocument StatementDocument(const StatementDocumentSource& source);

// The statement of `customer` from `from` to `to` (REQUIRES: from <= to), read in one lease.
documents::PrintedDocument LoadStatementDocument(store::Connection& conn,
                                                 const customers::Customer& customer, Date from,
                                                 Date to);

}  // namespace ordo::flows
