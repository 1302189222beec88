#include "api/idempotency.h"

#include <nlohmann/json.hpp>

#include "auth/secrets.h"
#include "store/query.h"

namespace ordo::api {

Result<std::optional<std::string>> IdempotencyKeyOf(const http::Request& request) {
  auto header = request.Header("Idempotency-Key");
  if (!header) return std::optional<std::string>();
  std::string_view key = *header;
  bool printable = !key.empty() && key.size() <= 255;
  for (char c : key) printable = printable && c >= 0x21 && c <= 0x7e;
  if (!printable) {
    return Status::InvalidArgument(
        "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces",
        {{"Idempotency-Key", "invalid_format", "1 to 255 printable ASCII characters"}});
  }
  return std::optional<std::string>(std::string(key));
}

std::string RequestHash(const http::Request& request) {
  std::string text;
  text.reserve(request.method.size() + request.path.size() + request.body.size() + 2);
  text.append(request.method).append(" ").append(request.path).append("\n").append(request.body);
  return auth::Sha256Hex(text);
}

std::optional<StoredResponse> FindStoredResponse(store::Connection& conn, int64_t user_id,
                                                 std::string_view key) {
  store::Query q(conn,
                 "SELECT request_hash, status, body, headers FROM idempotency_keys "
                 "WHERE user_id = ? AND idempotency_key = ?",
                 user_id, key);
  if (!q.Next()) return std::nullopt;
  StoredResponse stored{q.Text(0), static_cast<int>(q.Int(1)), q.Text(2), {}};
  auto headers = nlohmann::json::parse(q.Text(3), nullptr, /*allow_exceptions=*/false);
  if (headers.is_object()) {
    for (const auto& [name, value] : headers.items()) {
      if (value.is_string()) stored.headers.emplace_back(name, value.get<std::string>());
    }
  }
  return stored;
}

void StoreResponse(store::Connection& conn, int64_t user_id, std::string_view key,
                   const StoredResponse& response, Timestamp now) {
  nlohmann::json headers = nlohmann::json::object();
  for (const auto& [name, value] : response.headers) headers[name] = value;
  store::Exec(conn,
              "INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, status, "
              "body, headers, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              user_id, key, response.request_hash, response.status, response.body, headers.dump(),
              now);
}

int64_t PurgeIdempotencyKeys(store::Connection& conn, Timestamp now, int64_t window_seconds) {
  return store::Exec(conn, "DELETE FROM idempotency_keys WHERE created_at < ?",
                     now.micros - window_seconds * 1'000'000);
}

}  // namespace ordo::api
