// API keys: long-lived credentials for integrations, "ok_" followed by 64 hex characters.
//
// Shown once at creation; the database keeps only the SHA-256 of the whole key, and its first
// kApiKeyPrefixLength characters ("ok_1a2b3c4d"), by which lists name it. A key acts as its user
// (with that user's roles, while the user is active) until it expires (a year after creation
// by default) or is revoked. Its last use is recorded, at most once a minute per key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/principal.h"
#include "core/command_context.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::auth {

inline constexpr std::string_view kApiKeyPrefix = "ok_";
inline constexpr size_t kApiKeyPrefixLength = 11;  // "ok_" and 8 hex characters
inline constexpr int64_t kDefaultApiKeyTtlSeconds = 365LL * 24 * 60 * 60;
// A key's last use is written when the stored one is older than this, so a busy integration
// costs the writer one small update a minute, not one per request.
inline constexpr int64_t kApiKeyLastUsedResolutionSeconds = 60;

struct IssuedApiKey {
  int64_t id = 0;
  std::string key;  // the secret, shown once
  std::string name;
  std::string prefix;
  Timestamp expires_at;
};

// A key as listed: never the secret.
struct ApiKeyInfo {
  int64_t id = 0;
  std::string prefix;  // empty for keys made before prefixes were kept
  std::string name;
  int64_t user_id = 0;
  std::string username;
  Timestamp created_at;
  std::optional<Timestamp> expires_at;
  std::optional<Timestamp> last_used_at;
  std::optional<Timestamp> revoked_at;
};

// Creates a key named `name` for the user `username`, expiring at `expires_at` (default: a
// year from ctx.now), audited as "api_key.create" without the key. Fails not_found for an
// unknown user, invalid_argument for an empty or long name or an expiry not after ctx.now.
Result<IssuedApiKey> CreateApiKey(store::Connection& conn, const CommandContext& ctx,
                                  std::string_view username, std::string_view name,
                                  std::optional<Timestamp> expires_at = std::nullopt);

// Revokes key `id` at ctx.now (audited). Fails not_found when there is no such active key.
Status RevokeApiKey(store::Connection& conn, const CommandContext& ctx, int64_t id);

struct ApiKeyQuery {
  std::optional<int64_t> user_id;  // every user's keys when nullopt
  std::optional<int64_t> after;    // keys with a greater id only
  int64_t limit = -1;              // all when negative
};

// Keys by id, revoked and expired ones included.
std::vector<ApiKeyInfo> ListApiKeys(store::Connection& conn, const ApiKeyQuery& query);

// The key with id `id`, or nullopt.
std::optional<ApiKeyInfo> FindApiKey(store::Connection& conn, int64_t id);

// Who an API key authenticates, and whether its last use should be written.
struct ApiKeyUse {
  Principal principal;
  int64_t key_id = 0;
  bool stale_last_used = false;  // write RecordApiKeyUse (through the executor)
};

// The active user behind an unrevoked, unexpired `key` at `now`, or nullopt.
std::optional<ApiKeyUse> FindApiKeyPrincipal(store::Connection& conn, std::string_view key,
                                             Timestamp now);

// Records that key `id` was used at `now` (a write).
void RecordApiKeyUse(store::Connection& conn, int64_t id, Timestamp now);

}  // namespace ordo::auth
