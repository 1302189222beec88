// Reading the bodies of the quote routes: a quote (POST /api/v1/quotes, PUT .../{ref}) is an
// order's body (customer, ship_to, currency, lines) with "expires_on" and "notes" and without
// the order's po_number, channel, requested_date and allow_partial_shipment; accepting one
// takes {"po_number", "requested_date"}, both optional (an empty body is {}).
#pragma once

#include <string_view>

#include "core/status.h"
#include "flows/quote_commands.h"

namespace ordo::requests {

Result<flows::SalesQuoteRequest> ParseQuoteJson(std::string_view body);
Result<flows::AcceptQuoteRequest> ParseAcceptQuoteJson(std::string_view body);

}  // namespace ordo::requests
