// Request ids: the correlation id carried by every request and echoed as X-Request-Id.
//
// Thread-safe (the generator is per thread).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ordo::http {

// 16 random lower-case hex characters.
std::string NewRequestId();

// True for 1..64 characters of [A-Za-z0-9._:-]: safe to log and to echo in a header.
bool IsValidRequestId(std::string_view id);

// The incoming X-Request-Id when valid, a new id otherwise.
std::string RequestIdFor(std::optional<std::string_view> incoming);

}  // namespace ordo::http
