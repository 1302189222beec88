// Who may set a manual unit price: one check for every request whose lines may carry one
// (POST /api/v1/orders, quotes, POST /api/v1/pricing/quote), so that they refuse alike.
#pragma once

#include "auth/principal.h"
#include "core/status.h"
#include "flows/place_order_request.h"
#include "flows/price_quote.h"

namespace ordo::api {

// Ok when no line has a unit_price or the caller has orders.override_price; otherwise
// forbidden (403) naming each such line's "lines/<i>/unit_price" with code "forbidden".
Status CheckPriceOverrides(const auth::Principal& who, const flows::PlaceOrderRequest& r);
Status CheckPriceOverrides(const auth::Principal& who, const flows::QuoteRequest& r);

}  // namespace ordo::api
