// Request authentication for API routes: the bearer credential in the Authorization header
// (a token from POST /api/v1/auth/token or an "ok_" API key), checked on a read connection.
//
//   auto who = RequirePermission(ctx, request, respond, "orders.read");
//   if (!who) return;  // already answered 401 or 403
//
// On failure the helpers answer `respond` themselves: 401 problem "unauthenticated" with a
// `WWW-Authenticate: Bearer` header, or 403 problem "forbidden". They run on the handler thread.
//
// Customer scope is applied here, for every route at once: a principal bound to a customer
// gets 403 on any route that is not a portal operation (portal_operations.h), and on a portal
// operation it holds the customer role only, whatever other roles the user has.
#pragma once

#include <optional>
#include <string_view>

#include "api/api_context.h"
#include "auth/principal.h"
#include "core/status.h"
#include "http/handler.h"

namespace ordo::api {

// The credential of "Authorization: Bearer <credential>" (scheme case-insensitive), or nullopt
// when the header is missing or not a bearer credential.
std::optional<std::string_view> BearerCredential(const http::Request& request);

// The principal behind the request's bearer credential, or unauthenticated; forbidden for a
// customer-bound principal on a route that is not a portal operation.
Result<auth::Principal> AuthenticateRequest(ApiContext& ctx, const http::Request& request);

// The principal, or nullopt after answering 401.
std::optional<auth::Principal> RequirePrincipal(ApiContext& ctx, const http::Request& request,
                                                const http::Responder& respond);

// The principal if it may perform `action`, or nullopt after answering 401 or 403.
std::optional<auth::Principal> RequirePermission(ApiContext& ctx, const http::Request& request,
                                                 const http::Responder& respond,
                                                 std::string_view action);

}  // namespace ordo::api
