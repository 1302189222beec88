// The login throttle as routes use it (auth::LoginThrottle): the client's address, the 429
// answer with Retry-After, and a refused password check that is counted and, when it starts a
// lockout, audited ("auth.lockout") before the refusal is answered.
//
// Used by every route that checks a password: the token endpoint and the own-password change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "api/api_context.h"
#include "auth/login_throttle.h"
#include "core/status.h"
#include "http/handler.h"

namespace ordo::api {

// The address of "127.0.0.1:54321" or "[::1]:54321", without the port. The peer's own
// address: a forwarded-for header is never trusted for this.
std::string ClientAddress(std::string_view remote_address);

// 429 too_many_requests with Retry-After: `seconds`.
http::Response TooManyAttempts(int64_t seconds);

// Answers 429 and returns true when `username` or `address` is locked out at `now`.
bool RefuseWhileLockedOut(auth::LoginThrottle& throttle, std::string_view username,
                          std::string_view address, Timestamp now, const http::Responder& respond);

// Counts a failed password check and answers `refusal`; a lockout it starts is audited (with
// `user_id` when the user exists) before the answer is sent.
void RefuseLogin(ApiContext& ctx, auth::LoginThrottle& throttle, const http::Request& request,
                 std::string_view username, std::optional<int64_t> user_id, Timestamp now,
                 http::Response refusal, http::Responder respond);

}  // namespace ordo::api
