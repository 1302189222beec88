#include "auth/tokens.h"

#include "auth/api_keys.h"
#include "auth/password.h"
#include "auth/secrets.h"
#include "auth/user_commands.h"
#include "store/query.h"

namespace ordo::auth {
namespace {

constexpr std::string_view kBadCredentials = "invalid username or password";

Status Unauthenticated(std::string message) {
  return Status(ErrorCode::kUnauthenticated, std::move(message));
}

}  // namespace

Result<Principal> VerifyCredentials(store::Connection& conn, std::string_view username,
                                    std::string_view password) {
  return CheckPassword(FindUserByName(conn, username), password);
}

Result<Principal> CheckPassword(const std::optional<UserRecord>& user, std::string_view password) {
  if (!user) {
    VerifyDummyPassword(password);
    return Unauthenticated(std::string(kBadCredentials));
  }
  if (!VerifyPassword(password, user->password_hash) || !user->active) {
    return Unauthenticated(std::string(kBadCredentials));
  }
  return user->principal;
}

Result<IssuedToken> StoreToken(store::Connection& conn, const Principal& user, Timestamp now,
                               int64_t ttl_seconds) {
  IssuedToken issued{RandomHex(32), Timestamp{now.micros + ttl_seconds * 1'000'000}, user};
  store::Exec(conn,
              "INSERT INTO auth_tokens (token_hash, user_id, expires_at, created_at) "
              "VALUES (?, ?, ?, ?)",
              Sha256Hex(issued.token), user.user_id, issued.expires_at, now);
  return issued;
}

Result<IssuedToken> IssueToken(store::Connection& conn, std::string_view username,
                               std::string_view password, Timestamp now, int64_t ttl_seconds) {
  auto user = VerifyCredentials(conn, username, password);
  if (!user.ok()) return user.status();
  return StoreToken(conn, *user, now, ttl_seconds);
}

Result<Authenticated> AuthenticateBearer(store::Connection& conn, std::string_view bearer,
                                         Timestamp now) {
  if (bearer.empty()) return Unauthenticated("a bearer token is required");
  if (bearer.starts_with(kApiKeyPrefix)) {
    auto use = FindApiKeyPrincipal(conn, bearer, now);
    if (!use) return Unauthenticated("the API key is unknown, expired or revoked");
    Authenticated out{std::move(use->principal), true, std::nullopt};
    if (use->stale_last_used) out.api_key_to_record = use->key_id;
    return out;
  }
  int64_t user_id = 0;
  {
    store::Query q(conn, "SELECT user_id, expires_at FROM auth_tokens WHERE token_hash = ?",
                   Sha256Hex(bearer));
    if (!q.Next()) return Unauthenticated("the token is unknown, expired or revoked");
    if (q.Time(1) <= now) return Unauthenticated("the token is unknown, expired or revoked");
    user_id = q.Int(0);
  }
  auto user = FindUserById(conn, user_id);
  if (!user || !user->active) return Unauthenticated("the user is not active");
  return Authenticated{std::move(user->principal), false, std::nullopt};
}

Result<Principal> Authenticate(store::Connection& conn, std::string_view bearer, Timestamp now) {
  auto authenticated = AuthenticateBearer(conn, bearer, now);
  if (!authenticated.ok()) return authenticated.status();
  return std::move(authenticated->principal);
}

}  // namespace ordo::auth
