// The printed quote (GET /api/v1/quotes/{ref}.pdf): one version's lines with why each has its
// price, tax, total, the expiry date and the version.
#pragma once

#include "core/status.h"
#include "documents/printed_document.h"
#include "flows/quote_commands.h"
#include "store/database.h"

namespace ordo::flows {

// Reads the customer and the lines' items (names) and makes the document of `d.shown`, with
// the status as of `today`. Errors: internal when the customer is missing.
Result<documents::PrintedDocument> LoadQuoteDocument(store::Connection& conn,
                                                     const QuoteDocument& d, Date today);

}  // namespace ordo::flows
