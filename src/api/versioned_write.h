// RunVersionedWrite: how a route changes one versioned document (PATCH of a customer or an
// item; cancelling, confirming, applying, receiving, refunding).
//
//   RunVersionedWrite(ctx, request, *who, requests::ParseMemoRefundJson,
//       [ref, who = *who](store::Connection& conn, const CommandContext& cc,
//                         const flows::MemoRefund& refund,
//                         std::optional<int64_t> expected) -> Result<http::Response> {
//         ...
//         auto m = flows::RefundCreditMemo(conn, cc, found->id, refund, expected);
//         if (!m.ok()) return m.status();
//         return MemoResponse(*m);  // the document, with its version as ETag
//       },
//       std::move(respond));
//
// The steps, in this order: If-Match gives the expected version (nullopt without one; 400 when
// it is not a version), checked before the body is read; `parse` reads the body into a typed
// request (400 with every bad field); `write` runs through RunWrite (the executor, idempotency
// keys) with the request and the expected version. The command compares the expected version
// with the row's (core/version_check.h, 412 precondition_failed) and `write` answers the
// document with SetVersionTag. Call it after RequireWrite.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>

#include "api/api_context.h"
#include "api/preconditions.h"
#include "api/status_response.h"
#include "api/write_route.h"
#include "auth/principal.h"
#include "core/command_context.h"
#include "http/handler.h"
#include "store/database.h"

namespace ordo::api {

// `parse`: Result<Body>(const std::string& body). `write`: Result<http::Response>(
// store::Connection&, const CommandContext&, const Body&, std::optional<int64_t> expected);
// copied into the command, so it captures what it needs by value.
template <typename Parse, typename Write>
void RunVersionedWrite(ApiContext& ctx, const http::Request& request, const auth::Principal& who,
                       Parse&& parse, Write write, http::Responder respond) {
  Result<std::optional<int64_t>> expected = IfMatchVersion(request);
  if (!expected.ok()) return respond(ProblemFor(expected.status()));
  auto body = parse(request.body);
  if (!body.ok()) return respond(ProblemFor(body.status()));
  RunWrite(
      ctx, request, who,
      [write = std::move(write), body = std::move(body).value(), expected = *expected](
          store::Connection& conn, const CommandContext& cc) -> Result<http::Response> {
        return write(conn, cc, body, expected);
      },
      std::move(respond));
}

}  // namespace ordo::api
