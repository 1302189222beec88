// The nesting limit of request bodies, checked on the raw text before any parser runs.
//
// A body nested thousands of levels deep costs a recursive parser its stack and a DOM a
// destructor of that depth; no request Ordo takes nests more than a few levels. The check is
// one pass over the bytes with a counter (no recursion, no allocation), so a 500,000-deep body
// is refused after reading kMaxJsonDepth + 1 brackets.
#pragma once

#include <cstddef>
#include <string_view>

namespace ordo::jsonio {

// The deepest nesting a request body may have: the body object is level 1, so
// {"lines": [{"sku": ...}]} is 3 deep. Generous for every body the API takes.
inline constexpr size_t kMaxJsonDepth = 32;

// Whether `text` opens more than `limit` arrays or objects inside one another. Brackets
// inside strings do not count; the text need not be valid JSON (the parser judges that).
bool NestsDeeperThan(std::string_view text, size_t limit);

}  // namespace ordo::jsonio
