// Failures whose text is not the client's to see: an exception's message (SQLite's names
// tables and statements) or an internal error's. The client gets the problem's code with a
// generic detail; the text is logged with the request id the client got in X-Request-Id, so an
// operator can find it from a report. store::StatusOfException puts an exception's text in the
// Status message, so every path where a command or a read may throw answers through here.
#pragma once

#include <string_view>

#include "api/api_context.h"
#include "core/status.h"
#include "http/request.h"
#include "http/response.h"

namespace ordo::api {

// Writes an error line {"msg": "request failed", request_id, method, route, code, error} to
// ctx.log; does nothing without a log.
void LogFailure(const ApiContext& ctx, const http::Request& request, std::string_view code,
                std::string_view text);

// The problem+json for a failed request. A status of code internal or unavailable, or any
// status made from an exception (`from_exception`: store::StatusOfException), is answered
// with its code and a generic detail and logged in full; any other status is answered as
// ProblemFor does (its message is for the client). REQUIRES: !status.ok().
http::Response FailureResponse(const ApiContext& ctx, const http::Request& request,
                               const Status& status, bool from_exception = false);

}  // namespace ordo::api
