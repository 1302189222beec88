// What the customer portal is not shown: the staff-only fields of the documents its operations
// answer, all listed in portal_redaction.cpp, the one place that decides it.
//
// Staff-only: who entered an order (`created_by`, a username) and why it was cancelled, a
// line's `override_reason`, the note of a hold release and the reason of a cancellation in the
// order's timeline, who authorized a return, why a pick list was cancelled, an item's cost,
// and the on hand and allocated quantities behind a warehouse's availability (the portal gets
// `available`). The OpenAPI document marks each of these "Staff only".
//
//   auto who = RequirePermission(ctx, request, respond, "orders.read");
//   if (!who) return;
//   respond = ForPortal(*who, PortalDocument::kOrder, std::move(respond));
//
// Thread-safety: the returned Responder may be called from any thread, like any Responder.
#pragma once

#include <nlohmann/json.hpp>

#include "auth/principal.h"
#include "http/handler.h"

namespace ordo::api {

enum class PortalDocument {
  kOrder,
  kOrderTimeline,  // {"items": [{"type", "payload"}...]}
  kReturn,
  kReturnList,
  kShipment,
  kShipmentList,
  kItem,
  kItemList,
  kAvailability,
};

// Removes `kind`'s staff-only fields from `doc` in place.
void RedactForPortal(PortalDocument kind, nlohmann::ordered_json& doc);

// `response` (a successful JSON answer; anything else is returned unchanged) without `kind`'s
// staff-only fields.
http::Response RedactResponse(PortalDocument kind, http::Response response);

// `response` as `who` may see it: unchanged for a principal not bound to a customer; for a
// customer-bound one, a successful JSON answer without `kind`'s staff-only fields. For answers
// built inside a command, so that an idempotent replay (stored per user) shows the same.
http::Response ForPortal(const auth::Principal& who, PortalDocument kind, http::Response response);

// `respond` itself for a principal not bound to a customer; for a customer-bound one, a
// Responder that passes every answer through ForPortal first.
http::Responder ForPortal(const auth::Principal& who, PortalDocument kind, http::Responder respond);

}  // namespace ordo::api
