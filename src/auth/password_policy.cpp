#include "auth/password_policy.h"

#include <algorithm>
#include <string>

#include "auth/common_passwords.h"

namespace ordo::auth {
namespace {

constexpr std::string_view kWeak = "weak_password";

// Code points in UTF-8 text: every byte that is not a continuation byte starts one.
size_t CharacterCount(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::optional<FieldError> PasswordPolicyError(std::string_view password, std::string_view field) {
  size_t length = CharacterCount(password);
  if (length < kMinPasswordLength) {
    return FieldError{
        std::string(field), std::string(kWeak),
        "a password has at least " + std::to_string(kMinPasswordLength) + " characters"};
  }
  if (length > kMaxPasswordLength) {
    return FieldError{
        std::string(field), "too_long",
        "a password has at most " + std::to_string(kMaxPasswordLength) + " characters"};
  }
  if (IsCommonPassword(password)) {
    return FieldError{std::string(field), std::string(kWeak),
                      "this password is too common; choose another"};
  }
  return std::nullopt;
}

Status FieldErrorsStatus(std::string message, std::vector<FieldError> errors) {
  bool all_weak = std::all_of(errors.begin(), errors.end(),
                              [](const FieldError& e) { return e.code == kWeak; });
  return Status(all_weak ? ErrorCode::kWeakPassword : ErrorCode::kInvalidArgument,
                std::move(message), std::move(errors));
}

Status CheckPasswordPolicy(std::string_view password, std::string_view field) {
  auto error = PasswordPolicyError(password, field);
  if (!error) return Status::Ok();
  return FieldErrorsStatus("the password does not satisfy the password policy", {*error});
}

}  // namespace ordo::auth
