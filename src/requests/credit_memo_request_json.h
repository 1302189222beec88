// Reading the settlement of a credit memo from its JSON form: applications to invoices
// (POST /api/v1/credit-memos/{ref}/apply) and a refund (POST /api/v1/credit-memos/{ref}/refund).
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"
#include "flows/credit_memo_settlement.h"

namespace ordo::requests {

// Reads {"applications": [{"invoice", "amount"}]}: at least one, each with an invoice id or
// number and a positive amount. Errors: invalid_argument with every bad field.
Result<std::vector<flows::MemoApplication>> ParseMemoApplicationsJson(std::string_view body);

// Reads {"amount", "method", "reference" (optional)}: a positive amount, a known refund method,
// a reference of UTF-8 text of at most 200 bytes. Errors: invalid_argument.
Result<flows::MemoRefund> ParseMemoRefundJson(std::string_view body);

}  // namespace ordo::requests
