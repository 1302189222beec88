#include "core/status.h"

#include <array>

namespace ordo {
namespace {

struct CodeEntry {
  ErrorCode code;
  std::string_view name;
};

constexpr std::array<CodeEntry, 16> kCodes{{
    {ErrorCode::kOk, "ok"},
    {ErrorCode::kInvalidArgument, "invalid_argument"},
    {ErrorCode::kNotFound, "not_found"},
    {ErrorCode::kUnauthenticated, "unauthenticated"},
    {ErrorCode::kForbidden, "forbidden"},
    {ErrorCode::kConflict, "conflict"},
    {ErrorCode::kInsufficientStock, "insufficient_stock"},
    {ErrorCode::kCreditLimitExceeded, "credit_limit_exceeded"},
    {ErrorCode::kCustomerOnHold, "customer_on_hold"},
    {ErrorCode::kInvalidState, "invalid_state"},
    {ErrorCode::kIdempotencyKeyReused, "idempotency_key_reused"},
    {ErrorCode::kPreconditionFailed, "precondition_failed"},
    {ErrorCode::kWeakPassword, "weak_password"},
    {ErrorCode::kTooManyRequests, "too_many_requests"},
    {ErrorCode::kUnavailable, "unavailable"},
    {ErrorCode::kInternal, "internal"},
}};

}  // namespace

std::string_view CodeName(ErrorCode code) {
  for (const CodeEntry& entry : kCodes) {
    if (entry.code == code) return entry.name;
  }
  return "internal";
}

std::optional<ErrorCode> CodeFromName(std::string_view name) {
  for (const CodeEntry& entry : kCodes) {
    if (entry.name == name) return entry.code;
  }
  return std::nullopt;
}

std::string Status::ToString() const {
  std::string out(CodeName(code_));
  if (!message_.empty()) out += ": " + message_;
  for (const FieldError& error : errors_) {
    out += " [" + error.field + ": " + error.code;
    if (!error.message.empty()) out += " (" + error.message + ")";
    out += "]";
  }
  return out;
}

}  // namespace ordo
