// API keys: long-lived credentials for integrations, "ok_" followed by 64 hex characters.
//
// Shown once at creation; the database keeps only the SHA-256 of the whole key. A key acts as
// its user (with that user's roles) until revoked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.h"
#include "core/command_context.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::auth {

inline constexpr std::string_view kApiKeyPrefix = "ok_";

struct IssuedApiKey {
  int64_t id = 0;
  std::string key;  // the secret, shown once
  std::string name;
};

// Creates a key named `name` for the user `username` (audited as "api_key.create", without the
// key). Fails not_found for an unknown user, invalid_argument for an empty name.
Result<IssuedApiKey> CreateApiKey(store::Connection& conn, const CommandContext& ctx,
                                  std::string_view username, std::string_view name);

// Revokes key `id` at ctx.now (audited). Fails not_found when there is no such active key.
Status RevokeApiKey(store::Connection& conn, const CommandContext& ctx, int64_t id);

// The active user behind an unrevoked `key`, or nullopt.
std::optional<Principal> FindApiKeyPrincipal(store::Connection& conn, std::string_view key);

}  // namespace ordo::auth
