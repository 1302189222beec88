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

// A real hash to verify against when the user does not exist, so that case costs the same.
const std::string& DummyHash() {
  static const std::string kHash = HashPassword("not-a-real-password");
  return kHash;
}

}  // namespace

Result<Principal> VerifyCredentials(store::Connection& conn, std::string_view username,
                                    std::string_view password) {
  return CheckPassword(FindUserByName(conn, username), password);
}

Result<Principal> CheckPassword(const std::optional<UserRecord>& user, std::string_view password) {
  if (!user) {
    VerifyPassword(password, DummyHash());
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

Result<Principal> Authenticate(store::Connection& conn, std::string_view bearer, Timestamp now) {
  if (bearer.empty()) return Unauthenticated("a bearer token is required");
  if (bearer.starts_with(kApiKeyPrefix)) {
    if (auto p = FindApiKeyPrincipal(conn, bearer)) return *p;
    return Unauthenticated("the API key is unknown or revoked");
  }
  int64_t user_id = 0;
  {
    store::Query q(conn, "SELECT user_id, expires_at FROM auth_tokens WHERE token_hash = ?",
                   Sha256Hex(bearer));
    if (!q.Next()) return Unauthenticated("the token is unknown or expired");
    if (q.Time(1) <= now) return Unauthenticated("the token is unknown or expired");
    user_id = q.Int(0);
  }
  auto user = FindUserById(conn, user_id);
  if (!user || !user->active) return Unauthenticated("the user is not active");
  return user->principal;
}

}  // namespace ordo::auth
