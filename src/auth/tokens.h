// Bearer tokens: issued for a username and password, checked on every request.
//
// A token is 32 random bytes as 64 hex characters, returned once; the database keeps only its
// SHA-256. Tokens expire (12 hours by default) and are revoked by logout, a password change or
// reset, and disabling the user (credential_commands.h). Authenticate() also accepts API keys
// ("ok_<hex>", see api_keys.h) in the same place.
//
// Wrong username and wrong password fail alike (unauthenticated, "invalid username or
// password"), and take about as long, so callers cannot probe for usernames.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/principal.h"
#include "auth/user_commands.h"
#include "core/clock.h"
#include "core/status.h"
#include "store/database.h"

namespace ordo::auth {

inline constexpr int64_t kDefaultTokenTtlSeconds = 12 * 60 * 60;

struct IssuedToken {
  std::string token;
  Timestamp expires_at;
  Principal user;
};

// Checks `password` for the active user `username` (reads only; slow: argon2). Fails
// unauthenticated.
// The same check on a user already looked up (nullopt: no such user), with no connection held
// while argon2 runs, so slow logins never tie up read connections.
Result<Principal> CheckPassword(const std::optional<UserRecord>& user, std::string_view password);
Result<Principal> VerifyCredentials(store::Connection& conn, std::string_view username,
                                    std::string_view password);

// Creates and stores a token for `user`, valid for `ttl_seconds` from `now` (a write: run it
// through the command executor).
Result<IssuedToken> StoreToken(store::Connection& conn, const Principal& user, Timestamp now,
                               int64_t ttl_seconds = kDefaultTokenTtlSeconds);

// VerifyCredentials then StoreToken on one connection (for the CLI and tests).
Result<IssuedToken> IssueToken(store::Connection& conn, std::string_view username,
                               std::string_view password, Timestamp now,
                               int64_t ttl_seconds = kDefaultTokenTtlSeconds);

// The principal for a bearer credential (a token or an "ok_" API key) at `now`. Fails
// unauthenticated for an unknown, expired or revoked credential or an inactive user.
Result<Principal> Authenticate(store::Connection& conn, std::string_view bearer, Timestamp now);

// What AuthenticateBearer found behind a credential.
struct Authenticated {
  Principal principal;
  bool api_key = false;  // the credential is an API key, not a token
  // An API key whose last use should be recorded (RecordApiKeyUse, through the executor).
  std::optional<int64_t> api_key_to_record;
};

// Authenticate, also saying what kind of credential it was.
Result<Authenticated> AuthenticateBearer(store::Connection& conn, std::string_view bearer,
                                         Timestamp now);

}  // namespace ordo::auth
