// The invoice as it is shown (API answers, audit images, the printed invoice): invoicing's
// document with its customer's code, its order's and shipment's numbers and its lines' SKUs.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "invoicing/invoice.h"
#include "invoicing/invoice_repository.h"
#include "store/database.h"

namespace ordo::views {

// Fills the display names of every invoice in `invoices`: one query per module for all.
void NameInvoices(store::Connection& conn, std::vector<invoicing::Invoice>& invoices);
void NameInvoice(store::Connection& conn, invoicing::Invoice& invoice);

// invoicing::LoadInvoice / FindInvoiceByRef / ListInvoices, named.
std::optional<invoicing::Invoice> LoadInvoice(store::Connection& conn, invoicing::InvoiceId id);
std::optional<invoicing::Invoice> FindInvoiceByRef(store::Connection& conn, std::string_view ref);
std::vector<invoicing::Invoice> ListInvoices(store::Connection& conn,
                                             const invoicing::InvoiceFilter& filter,
                                             std::optional<invoicing::InvoiceId> before, int limit);

}  // namespace ordo::views
