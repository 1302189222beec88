// Status and Result<T>: expected failures as values, with the stable error codes of the API.
//
// Domain code returns a Status (or a Result<T>) for anything a user can cause: bad input,
// a missing record, a conflict, a business rule. Exceptions are reserved for bugs and
// infrastructure failures and are caught at the adapter edge.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace ordo {

// Stable, machine-readable error codes. The wire names (CodeName) never change.
enum class ErrorCode {
  kOk,
  kInvalidArgument,
  kNotFound,
  kUnauthenticated,
  kForbidden,
  kConflict,
  kInsufficientStock,
  kCreditLimitExceeded,
  kCustomerOnHold,
  kInvalidState,
  kIdempotencyKeyReused,
  kPreconditionFailed,
  kWeakPassword,     // a new password too short or too common (400)
  kTooManyRequests,  // throttled: retry after the answer's Retry-After (429)
  kUnavailable,
  kInternal,
};

// The wire name of a code, e.g. "invalid_argument".
std::string_view CodeName(ErrorCode code);
// The code for a wire name; nullopt for an unknown name.
std::optional<ErrorCode> CodeFromName(std::string_view name);

// One bad field of a request: `field` is a JSON-pointer-like path ("lines/2/quantity").
struct FieldError {
  std::string field;
  std::string code;
  std::string message;

  bool operator==(const FieldError&) const = default;
};

class Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message, std::vector<FieldError> errors = {})
      : code_(code), message_(std::move(message)), errors_(std::move(errors)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message, std::vector<FieldError> errors = {}) {
    return Status(ErrorCode::kInvalidArgument, std::move(message), std::move(errors));
  }
  static Status NotFound(std::string message) {
    return Status(ErrorCode::kNotFound, std::move(message));
  }
  static Status Conflict(std::string message) {
    return Status(ErrorCode::kConflict, std::move(message));
  }
  static Status InvalidState(std::string message) {
    return Status(ErrorCode::kInvalidState, std::move(message));
  }
  static Status Forbidden(std::string message) {
    return Status(ErrorCode::kForbidden, std::move(message));
  }
  static Status Internal(std::string message) {
    return Status(ErrorCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& errors() const { return errors_; }

  // "not_found: no item WID-1" — for logs and the CLI.
  std::string ToString() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  std::vector<FieldError> errors_;
};

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace ordo
