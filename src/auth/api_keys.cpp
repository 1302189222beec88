#include "auth/api_keys.h"

#include <nlohmann/json.hpp>

#include "audit/audit_log.h"
#include "auth/secrets.h"
#include "auth/user_commands.h"
#include "store/query.h"

namespace ordo::auth {

Result<IssuedApiKey> CreateApiKey(store::Connection& conn, const CommandContext& ctx,
                                  std::string_view username, std::string_view name) {
  if (name.empty() || name.size() > 100) {
    return Status::InvalidArgument("the API key has invalid fields",
                                   {{"name", "required", "a name of 1 to 100 characters"}});
  }
  auto user = FindUserByName(conn, username);
  if (!user) return Status::NotFound("no user " + std::string(username));
  IssuedApiKey key{0, std::string(kApiKeyPrefix) + RandomHex(32), std::string(name)};
  {
    store::Query q(conn,
                   "INSERT INTO api_keys (key_hash, user_id, name, created_at) "
                   "VALUES (?, ?, ?, ?) RETURNING id",
                   Sha256Hex(key.key), user->principal.user_id, name, ctx.now);
    q.Next();
    key.id = q.Int(0);
  }
  audit::Record(conn, ctx, "api_key.create", "api_key", key.id, nullptr,
                {{"id", key.id}, {"name", key.name}, {"user_id", user->principal.user_id}});
  return key;
}

Status RevokeApiKey(store::Connection& conn, const CommandContext& ctx, int64_t id) {
  if (store::Exec(conn, "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                  ctx.now, id) == 0) {
    return Status::NotFound("no active API key " + std::to_string(id));
  }
  audit::Record(conn, ctx, "api_key.revoke", "api_key", id, {{"revoked", false}},
                {{"revoked", true}});
  return Status::Ok();
}

std::optional<Principal> FindApiKeyPrincipal(store::Connection& conn, std::string_view key) {
  int64_t user_id = 0;
  {
    store::Query q(conn, "SELECT user_id FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL",
                   Sha256Hex(key));
    if (!q.Next()) return std::nullopt;
    user_id = q.Int(0);
  }
  auto user = FindUserById(conn, user_id);
  if (!user || !user->active) return std::nullopt;
  return user->principal;
}

}  // namespace ordo::auth
