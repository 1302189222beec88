#include "auth/api_keys.h"

#include <nlohmann/json.hpp>

#include "audit/audit_log.h"
#include "auth/secrets.h"
#include "auth/user_commands.h"
#include "store/query.h"

namespace ordo::auth {
namespace {

constexpr int64_t kMicros = 1'000'000;

constexpr std::string_view kListColumns =
    "SELECT k.id, k.prefix, k.name, k.user_id, u.username, k.created_at, k.expires_at, "
    "k.last_used_at, k.revoked_at FROM api_keys k JOIN users u ON u.id = k.user_id ";

ApiKeyInfo ReadKey(store::Query& q) {
  ApiKeyInfo k;
  k.id = q.Int(0);
  k.prefix = q.Text(1);
  k.name = q.Text(2);
  k.user_id = q.Int(3);
  k.username = q.Text(4);
  k.created_at = q.Time(5);
  if (auto t = q.OptInt(6)) k.expires_at = Timestamp{*t};
  if (auto t = q.OptInt(7)) k.last_used_at = Timestamp{*t};
  if (auto t = q.OptInt(8)) k.revoked_at = Timestamp{*t};
  return k;
}

}  // namespace

Result<IssuedApiKey> CreateApiKey(store::Connection& conn, const CommandContext& ctx,
                                  std::string_view username, std::string_view name,
                                  std::optional<Timestamp> expires_at) {
  std::vector<FieldError> errors;
  if (name.empty() || name.size() > 100) {
    errors.push_back({"name", "required", "a name of 1 to 100 characters"});
  }
  Timestamp expiry =
      expires_at.value_or(Timestamp{ctx.now.micros + kDefaultApiKeyTtlSeconds * kMicros});
  if (expiry <= ctx.now) {
    errors.push_back({"expires_at", "out_of_range", "the expiry must be in the future"});
  }
  if (!errors.empty()) {
    return Status::InvalidArgument("the API key has invalid fields", std::move(errors));
  }
  auto user = FindUserByName(conn, username);
  if (!user) return Status::NotFound("no user " + std::string(username));
  IssuedApiKey key{0, std::string(kApiKeyPrefix) + RandomHex(32), std::string(name), "", expiry};
  key.prefix = key.key.substr(0, kApiKeyPrefixLength);
  {
    store::Query q(conn,
                   "INSERT INTO api_keys (key_hash, user_id, name, created_at, prefix, expires_at) "
                   "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                   Sha256Hex(key.key), user->principal.user_id, name, ctx.now, key.prefix, expiry);
    q.Next();
    key.id = q.Int(0);
  }
  audit::Record(conn, ctx, "api_key.create", "api_key", key.id, nullptr,
                {{"id", key.id},
                 {"name", key.name},
                 {"prefix", key.prefix},
                 {"user_id", user->principal.user_id},
                 {"expires_at", FormatRfc3339(expiry)}});
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

std::vector<ApiKeyInfo> ListApiKeys(store::Connection& conn, const ApiKeyQuery& query) {
  std::vector<ApiKeyInfo> keys;
  store::Query q(conn,
                 std::string(kListColumns) +
                     "WHERE (? IS NULL OR k.user_id = ?) AND k.id > ? ORDER BY k.id LIMIT ?",
                 query.user_id, query.user_id, query.after.value_or(0), query.limit);
  while (q.Next()) keys.push_back(ReadKey(q));
  return keys;
}

std::optional<ApiKeyInfo> FindApiKey(store::Connection& conn, int64_t id) {
  store::Query q(conn, std::string(kListColumns) + "WHERE k.id = ?", id);
  if (!q.Next()) return std::nullopt;
  return ReadKey(q);
}

std::optional<ApiKeyUse> FindApiKeyPrincipal(store::Connection& conn, std::string_view key,
                                             Timestamp now) {
  ApiKeyUse use;
  int64_t user_id = 0;
  {
    store::Query q(conn,
                   "SELECT id, user_id, expires_at, last_used_at FROM api_keys "
                   "WHERE key_hash = ? AND revoked_at IS NULL",
                   Sha256Hex(key));
    if (!q.Next()) return std::nullopt;
    auto expires = q.OptInt(2);
    if (expires && *expires <= now.micros) return std::nullopt;
    use.key_id = q.Int(0);
    user_id = q.Int(1);
    auto last_used = q.OptInt(3);
    use.stale_last_used =
        !last_used || now.micros - *last_used >= kApiKeyLastUsedResolutionSeconds * kMicros;
  }
  auto user = FindUserById(conn, user_id);
  if (!user || !user->active) return std::nullopt;
  use.principal = user->principal;
  return use;
}

void RecordApiKeyUse(store::Connection& conn, int64_t id, Timestamp now) {
  store::Exec(conn,
              "UPDATE api_keys SET last_used_at = ? WHERE id = ? "
              "AND (last_used_at IS NULL OR last_used_at < ?)",
              now, id, now);
}

}  // namespace ordo::auth
