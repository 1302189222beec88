#include "auth/credential_commands.h"

#include <nlohmann/json.hpp>

#include "audit/audit_log.h"
#include "auth/password_policy.h"
#include "auth/secrets.h"
#include "auth/user_commands.h"
#include "auth/user_update.h"
#include "store/query.h"

namespace ordo::auth {

Result<std::string> HashNewPassword(std::string_view password, std::string_view field,
                                    const PasswordCost& cost) {
  Status policy = CheckPasswordPolicy(password, field);
  if (!policy.ok()) return policy;
  return HashPassword(password, cost);
}

Status StorePassword(store::Connection& conn, const CommandContext& ctx, int64_t user_id,
                     const std::string& password_hash, std::string_view action) {
  if (store::Exec(conn, "UPDATE users SET password_hash = ? WHERE id = ?", password_hash,
                  user_id) == 0) {
    return Status::NotFound("no user " + std::to_string(user_id));
  }
  int64_t revoked = RevokeUserTokens(conn, user_id);
  audit::Record(conn, ctx, action, "user", user_id, nullptr, {{"tokens_revoked", revoked}});
  return Status::Ok();
}

Status DisableUser(store::Connection& conn, const CommandContext& ctx, int64_t user_id,
                   std::optional<int64_t> acting_user) {
  auto user = FindUserById(conn, user_id);
  if (!user) return Status::NotFound("no user " + std::to_string(user_id));
  bool active = user->active;
  if (Status kept = CheckAdminKept(conn, *user, user->principal.roles, false, acting_user);
      !kept.ok()) {
    return kept;
  }
  int64_t revoked = RevokeUserTokens(conn, user_id);
  if (!active) return Status::Ok();
  store::Exec(conn, "UPDATE users SET active = 0 WHERE id = ?", user_id);
  audit::Record(conn, ctx, "user.disable", "user", user_id, {{"active", true}},
                {{"active", false}, {"tokens_revoked", revoked}});
  return Status::Ok();
}

void AuditLockout(store::Connection& conn, const CommandContext& ctx, const Lockout& lockout,
                  std::optional<int64_t> user_id) {
  audit::Record(conn, ctx, "auth.lockout", "user", user_id.value_or(0), nullptr,
                {{lockout.kind == "user" ? "username" : "address", lockout.key},
                 {"failures", lockout.failures},
                 {"locked_until", FormatRfc3339(lockout.until)}});
}

Status RevokeToken(store::Connection& conn, std::string_view token) {
  if (store::Exec(conn, "DELETE FROM auth_tokens WHERE token_hash = ?", Sha256Hex(token)) == 0) {
    return Status::NotFound("the token is unknown");
  }
  return Status::Ok();
}

int64_t RevokeUserTokens(store::Connection& conn, int64_t user_id) {
  return store::Exec(conn, "DELETE FROM auth_tokens WHERE user_id = ?", user_id);
}

int64_t PurgeExpiredTokens(store::Connection& conn, Timestamp now) {
  return store::Exec(conn, "DELETE FROM auth_tokens WHERE expires_at <= ?", now);
}

}  // namespace ordo::auth
