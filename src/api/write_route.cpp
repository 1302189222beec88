#include "api/write_route.h"

#include <memory>
#include <optional>

#include "api/authenticate.h"
#include "api/failure_log.h"
#include "api/idempotency.h"
#include "api/json_body.h"
#include "api/status_response.h"
#include "core/money.h"

namespace ordo::api {
namespace {

http::Response Replay(const StoredResponse& stored) {
  http::Response r;
  r.status = stored.status;
  r.body = stored.body;
  r.SetHeader("Content-Type", "application/json");
  for (const auto& [name, value] : stored.headers) r.SetHeader(name, value);
  r.SetHeader("Idempotent-Replayed", "true");
  return r;
}

// The answer to a request whose key is already stored: the stored response, or 409 when the
// key was used for a different request.
http::Response AnswerForStored(const StoredResponse& stored, const std::string& hash) {
  if (stored.request_hash != hash) {
    return ProblemFor(Status(ErrorCode::kIdempotencyKeyReused,
                             "this Idempotency-Key was used for a different request"));
  }
  return Replay(stored);
}

// Marks the failure of a command whose idempotency key another request took first.
constexpr const char* kKeyRaceMessage = "idempotency key taken by a concurrent request";

}  // namespace

std::optional<auth::Principal> RequireWrite(ApiContext& ctx, const http::Request& request,
                                            const http::Responder& respond,
                                            std::string_view action) {
  auto who = RequirePermission(ctx, request, respond, action);
  if (!who) return std::nullopt;
  if (auto refused = RefuseNonJsonBody(request)) {
    respond(std::move(*refused));
    return std::nullopt;
  }
  Result<std::optional<std::string>> key = IdempotencyKeyOf(request);
  if (!key.ok()) {
    respond(ProblemFor(key.status()));
    return std::nullopt;
  }
  if (!*key) return who;
  std::optional<StoredResponse> stored = [&] {
    auto conn = ctx.readers.Borrow();
    return FindStoredResponse(*conn, who->user_id, **key);
  }();
  if (!stored) return who;
  respond(AnswerForStored(*stored, RequestHash(request)));
  return std::nullopt;
}

CommandContext ContextFor(ApiContext& ctx, const http::Request& request,
                          const auth::Principal& who) {
  return CommandContext{who.Actor(), request.request_id, ctx.clock.Now()};
}

void RunWrite(ApiContext& ctx, const http::Request& request, const auth::Principal& who,
              WriteFn write, http::Responder respond) {
  Result<std::optional<std::string>> key = IdempotencyKeyOf(request);
  if (!key.ok()) return respond(ProblemFor(key.status()));
  std::string hash;
  if (*key) {
    hash = RequestHash(request);
    std::optional<StoredResponse> stored = [&] {
      auto conn = ctx.readers.Borrow();
      return FindStoredResponse(*conn, who.user_id, **key);
    }();
    if (stored) return respond(AnswerForStored(*stored, hash));
  }

  auto response = std::make_shared<std::optional<http::Response>>();
  // Whether the command's last run ended in an exception, whose text (SQL) the Status message
  // then holds (store::StatusOfException): such a failure is logged, not answered.
  auto threw = std::make_shared<bool>(false);
  CommandContext cc = ContextFor(ctx, request, who);
  ctx.executor.Submit(
      [response, threw, write = std::move(write), cc, key = *key, hash,
       user_id = who.user_id](store::Connection& conn) -> Status {
        *threw = false;
        // Re-checked on the writer: a request with the same key may have committed since the
        // read above, and the command must not run twice.
        if (key && FindStoredResponse(conn, user_id, *key))
          return Status::Conflict(kKeyRaceMessage);
        Result<http::Response> r = [&] {
          try {
            return write(conn, cc);
          } catch (const OverflowError&) {
            throw;  // an amount out of range: the client's input, answered as such
          } catch (...) {
            *threw = true;
            throw;
          }
        }();
        if (!r.ok()) return r.status();
        if (key) {
          StoredResponse stored{hash, r->status, r->body, {}};
          for (std::string_view name : kReplayedHeaders) {
            if (auto value = r->Header(name)) stored.headers.emplace_back(name, *value);
          }
          try {
            StoreResponse(conn, user_id, *key, stored, cc.now);
          } catch (const store::StoreError& e) {
            if (e.kind() != store::StoreErrorKind::kUnique) throw;
            return Status::Conflict(kKeyRaceMessage);
          }
        }
        *response = std::move(r).value();
        return Status::Ok();
      },
      // `request` outlives this callback: it stays alive until `respond` is called.
      [&ctx, &request, response, threw, respond, key = *key, hash,
       user_id = who.user_id](const Status& st) {
        if (st.ok()) return respond(std::move(**response));
        if (key && st.code() == ErrorCode::kConflict && st.message() == kKeyRaceMessage) {
          // The reader goes back to its pool before the answer is sent: once the client has
          // its answer the server (and the pool) may be gone.
          std::optional<StoredResponse> stored = [&] {
            auto conn = ctx.readers.Borrow();
            return FindStoredResponse(*conn, user_id, *key);
          }();
          if (stored) return respond(AnswerForStored(*stored, hash));
        }
        respond(FailureResponse(ctx, request, st, *threw));
      });
}

}  // namespace ordo::api
