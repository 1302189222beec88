// Reading an order change (PATCH /api/v1/orders/{ref}) from its JSON form:
// {"ship_to", "lines": [{"line_no", "sku", "customer_part_number", "quantity", "uom",
// "unit_price", "override_reason", "requested_date"}]}. Every problem at once with its path;
// absent means unchanged, and null is refused (nothing here can be cleared).
#pragma once

#include <string_view>

#include "core/status.h"
#include "flows/order_edit.h"

namespace ordo::requests {

// Errors: invalid_argument with field errors (a body that is not JSON: field "" and code
// "malformed_json").
Result<flows::OrderEditRequest> ParseOrderEditJson(std::string_view body);

}  // namespace ordo::requests
