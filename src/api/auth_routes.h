// Authentication endpoints:
//   POST /api/v1/auth/token {"username", "password"} → 200 {"token", "expires_at" (RFC 3339),
//        "user": {"id", "username", "roles", "customer_id"}}; 400 invalid_argument for malformed
//        JSON or missing fields; 401 unauthenticated for bad credentials (same for both).
//   GET  /api/v1/auth/me (bearer) → 200 the user object; 401 with WWW-Authenticate otherwise.
//
// The password is verified on the handler thread with a read connection (argon2 is slow); only
// the token insert goes through the command executor.
#pragma once

#include <cstdint>

#include "api/api_context.h"
#include "auth/tokens.h"
#include "http/router.h"

namespace ordo::api {

struct AuthRouteOptions {
  int64_t token_ttl_seconds = auth::kDefaultTokenTtlSeconds;
};

void AddAuthRoutes(http::Router& router, ApiContext& ctx, AuthRouteOptions options = {});

}  // namespace ordo::api
