// API keys (permission "users.write", admin only):
//   GET    /api/v1/api-keys[?user=USERNAME&limit=&cursor=] → {"items": [key], "next_cursor"}
//   POST   /api/v1/api-keys {"username", "name", "expires_at" (RFC 3339, optional: a year)}
//          → 201 the key with "key", the secret, shown only in this answer (so this route keeps
//          no Idempotency-Key answer: that would store the secret)
//   DELETE /api/v1/api-keys/{id} → 204 (audited "api_key.revoke"); 404 when no active key
// A key is {"id", "prefix", "name", "user": {"id", "username"}, "created_at", "expires_at",
// "last_used_at", "revoked_at"} (times RFC 3339 or null); never its secret or digest.
#pragma once

#include "api/api_context.h"
#include "http/router.h"

namespace ordo::api {

void AddApiKeyRoutes(http::Router& router, ApiContext& ctx);

}  // namespace ordo::api
