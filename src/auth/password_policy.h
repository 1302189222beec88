// The password policy: what a new password must be (for new users, changes and resets).
//
// At least kMinPasswordLength characters (Unicode code points, not bytes), at most
// kMaxPasswordLength (argon2 hashes whatever it is given; the bound keeps a request from
// asking for unbounded work), and not on the list of common passwords (common_passwords.h),
// compared in lower case. The current password is never checked against the policy, so a
// user whose password predates it can still log in and change it.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/text_limits.h"

namespace ordo::auth {

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordLength = text_limits::kPassword.max_chars;

// The field error for `password` in the field `field`, or nullopt when it satisfies the
// policy. The error's code is "weak_password" (too short or too common) or "too_long".
std::optional<FieldError> PasswordPolicyError(std::string_view password, std::string_view field);

// OK, or the policy's error as a Status: weak_password (400) for a weak password,
// invalid_argument for one that is too long; either names `field`.
Status CheckPasswordPolicy(std::string_view password, std::string_view field);

// A Status for a set of field errors of one request: weak_password when every error is a
// weak_password one, invalid_argument otherwise (with all of them). REQUIRES: !errors.empty().
Status FieldErrorsStatus(std::string message, std::vector<FieldError> errors);

}  // namespace ordo::auth
