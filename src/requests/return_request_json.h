// Reading returns from their JSON form: the authorization of a return (POST /api/v1/returns)
// and the receipt of what came back (POST /api/v1/returns/{ref}/receive).
#pragma once

#include <string_view>

#include "core/status.h"
#include "flows/return_authorization.h"
#include "flows/return_receipt.h"

namespace ordo::requests {

// Reads {"order" | "invoice", "lines": [{"line_no", "quantity", "reason"}]} and checks what
// needs no database: exactly one of order and invoice, at least one line, line numbers and
// quantities positive integers, no line_no twice, reasons among returns::IsReasonCode.
// Errors: invalid_argument with every bad field.
Result<flows::ReturnRequest> ParseReturnRequestJson(std::string_view body);

// Reads {"warehouse", "lines": [{"line_no", "quantity", "disposition"}]}: a non-empty
// warehouse code, at least one line, positive integers, dispositions restock or scrap.
// Errors: invalid_argument with every bad field.
Result<flows::ReturnReceiptRequest> ParseReturnReceiptJson(std::string_view body);

}  // namespace ordo::requests
