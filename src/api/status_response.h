// Turning a non-OK Status into the API's problem+json response, with the HTTP status each
// stable error code maps to (invalid_argument and weak_password 400, unauthenticated 401, forbidden
// 403, not_found 404, conflict and invalid_state (a transition the document's state forbids) 409,
// precondition_failed 412, business rules 422, too_many_requests 429, unavailable 503,
// internal 500). Field errors become the problem's "errors" array.
#pragma once

#include "core/status.h"
#include "http/response.h"

namespace ordo::api {

int HttpStatusFor(ErrorCode code);

// REQUIRES: !status.ok().
http::Response ProblemFor(const Status& status);

}  // namespace ordo::api
