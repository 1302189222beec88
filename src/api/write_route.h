// RunWrite: how every API route that changes data runs its command.
//
//   RunWrite(ctx, request, *who, [=](store::Connection& conn, const CommandContext& cc)
//       -> Result<http::Response> {
//     auto order = flows::CancelOrder(conn, cc, id, reason, version);
//     if (!order.ok()) return order.status();
//     return OrderResponse(200, *order);
//   }, respond);
//
// The command runs through the command executor as one unit of work (one durable commit,
// possibly shared with other commands); `respond` gets its response only after the commit, or
// the problem+json of its failure. The CommandContext carries the principal as actor and the
// request id, which land in audit rows.
//
// Idempotency-Key (any POST): a key seen before with the same request replays the stored
// response (its status, body, Location and ETag, plus Idempotent-Replayed: true) without
// running the command; with a different
// request it answers 409 idempotency_key_reused. A successful response is stored in the
// command's own transaction. Two concurrent requests with one key: the key is checked again on
// the writer before the command runs, so the second runs nothing and replays the first answer.
#pragma once

#include <functional>
#include <optional>
#include <string_view>

#include "api/api_context.h"
#include "auth/principal.h"
#include "core/command_context.h"
#include "http/handler.h"
#include "store/database.h"

namespace ordo::api {

using WriteFn =
    std::function<Result<http::Response>(store::Connection& conn, const CommandContext& cc)>;

void RunWrite(ApiContext& ctx, const http::Request& request, const auth::Principal& who,
              WriteFn write, http::Responder respond);

// What a write handler calls first: RequirePermission, then the body's media type (415 for a
// body not sent as application/json, json_body.h), then, for a request whose
// Idempotency-Key is already stored, its answer (the first response, or 409 for a different
// request; 400 for a malformed key) before the body is even read, so a retry is answered the
// same way whatever has changed since. nullopt when it has answered.
std::optional<auth::Principal> RequireWrite(ApiContext& ctx, const http::Request& request,
                                            const http::Responder& respond,
                                            std::string_view action);

// The command context of a request: actor "user:<name>", its request id, the clock's now.
CommandContext ContextFor(ApiContext& ctx, const http::Request& request,
                          const auth::Principal& who);

}  // namespace ordo::api
