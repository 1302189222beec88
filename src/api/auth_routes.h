// Authentication endpoints:
//   POST   /api/v1/auth/token {"username", "password"} → 200 {"token", "expires_at" (RFC 3339),
//          "user": {"id", "username", "roles", "customer_id"}}; 400 invalid_argument for
//          malformed JSON or missing fields; 401 unauthenticated for bad credentials (same for
//          both); 429 too_many_requests with Retry-After while the username or the client's
//          address is locked out (auth/login_throttle.h; each lockout audited "auth.lockout").
//   DELETE /api/v1/auth/token (bearer) → 204: the token used is revoked (logout); an API key
//          is refused 400 (revoke it with DELETE /api/v1/api-keys/{id}).
//   GET    /api/v1/auth/me (bearer) → 200 the user object; 401 with WWW-Authenticate otherwise.
//   POST   /api/v1/auth/password (bearer) {"current_password", "new_password"} → 204, and every
//          token of the user is revoked; 400 weak_password naming new_password; 403 forbidden
//          naming current_password when it is wrong (counted by the throttle, so 429 too).
// AddAuthRoutes also adds the admin's credential routes (user_credential_routes.h) and the API
// key routes (api_key_routes.h).
//
// Passwords are verified and hashed on the handler thread with a read connection (argon2 is
// slow); only the writes go through the command executor.
#pragma once

#include <cstdint>

#include "api/api_context.h"
#include "auth/login_throttle.h"
#include "auth/tokens.h"
#include "http/router.h"

namespace ordo::api {

struct AuthRouteOptions {
  int64_t token_ttl_seconds = auth::kDefaultTokenTtlSeconds;
  auth::LoginThrottleOptions throttle{};
};

void AddAuthRoutes(http::Router& router, ApiContext& ctx, AuthRouteOptions options = {});

}  // namespace ordo::api
