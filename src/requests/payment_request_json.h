// Reading cash receipts from their JSON form: a payment received (POST /api/v1/payments) and
// a later application of its unapplied cash (POST /api/v1/payments/{ref}/apply).
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"
#include "flows/payments.h"

namespace ordo::requests {

// {"customer", "amount", "method": "check|ach|wire|card", "reference", "received_date",
//  "applications": [{"invoice", "amount", "discount"}]}: types, required fields, amounts in
// whole cents (amount > 0; application amounts and discounts >= 0), known method, no invoice
// twice. Errors: invalid_argument with every bad field.
Result<flows::PaymentRequest> ParsePaymentJson(std::string_view body);

// {"applications": [...]} for a later application; the same checks, and at least one.
Result<std::vector<flows::ApplicationRequest>> ParseApplicationsJson(std::string_view body);

}  // namespace ordo::requests
