// Idempotency keys: a POST that carries `Idempotency-Key` is answered once; a retry with the
// same key and the same request gets the first response back and creates nothing, for at least
// kIdempotencyWindowSeconds (24 hours); the server purges older answers (housekeeping.h).
//
// The response is stored in the transaction of the command it answers (see RunWrite), so a
// crash can never leave a created document without its stored answer or the reverse. Keys are
// scoped per user. Only successful answers are stored: a rejected request changed nothing, so
// retrying it simply runs it again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "http/request.h"
#include "store/database.h"

namespace ordo::api {

struct StoredResponse {
  std::string request_hash;
  int status = 0;
  std::string body;
  // The headers a replay repeats (Location, ETag); see kReplayedHeaders.
  std::vector<std::pair<std::string, std::string>> headers;
};

// The response headers stored with an answer and repeated by its replays.
inline constexpr std::string_view kReplayedHeaders[] = {"Location", "ETag"};

// The Idempotency-Key header: nullopt when absent; invalid_argument unless it is 1..255
// printable ASCII characters.
Result<std::optional<std::string>> IdempotencyKeyOf(const http::Request& request);

// SHA-256 over method, path and body: what "the same request" means for a key.
std::string RequestHash(const http::Request& request);

std::optional<StoredResponse> FindStoredResponse(store::Connection& conn, int64_t user_id,
                                                 std::string_view key);

inline constexpr int64_t kIdempotencyWindowSeconds = 24 * 60 * 60;

// Deletes the stored answers made before `now` less `window_seconds`; returns how many.
int64_t PurgeIdempotencyKeys(store::Connection& conn, Timestamp now,
                             int64_t window_seconds = kIdempotencyWindowSeconds);

// Stores the answer for (user_id, key). Throws StoreError(kUnique) when the key is taken
// (a concurrent request with the same key committed first).
void StoreResponse(store::Connection& conn, int64_t user_id, std::string_view key,
                   const StoredResponse& response, Timestamp now);

}  // namespace ordo::api
