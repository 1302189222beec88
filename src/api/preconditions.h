// Optimistic concurrency over HTTP: documents carry `version`; a change may send
// `If-Match: <version>` (bare, quoted or weak: 3, "3", W/"3") and gets 412
// precondition_failed when the document has moved on. Responses carry the version as ETag.
#pragma once

#include <cstdint>
#include <optional>

#include "core/status.h"
#include "http/request.h"
#include "http/response.h"

namespace ordo::api {

// The version If-Match asks for; nullopt when the header is absent or "*". Errors:
// invalid_argument for anything that is not a version.
Result<std::optional<int64_t>> IfMatchVersion(const http::Request& request);

// Sets `ETag: "<version>"`.
void SetVersionTag(http::Response& response, int64_t version);

}  // namespace ordo::api
