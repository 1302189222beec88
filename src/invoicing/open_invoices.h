// The invoices still open (a balance left to pay or credit), for callers that work through
// them one by one (the demo's collections).
#pragma once

#include <vector>

#include "invoicing/invoice.h"
#include "store/database.h"

namespace ordo::invoicing {

// The ids of every invoice whose status is open, by id.
std::vector<InvoiceId> OpenInvoiceIds(store::Connection& conn);

}  // namespace ordo::invoicing
