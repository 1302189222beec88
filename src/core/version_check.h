// Optimistic concurrency: a change may name the version of the document it was decided on
// (over HTTP, If-Match), and is refused when the document has moved on since. Every command
// that takes an expected version checks it here, so that the refusal is the same everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/status.h"

namespace ordo {

// Ok when `expected` is absent or equals `actual` (the stored row's version). Otherwise
// precondition_failed "<kind> <name> is at version <actual>", e.g. "order SO-000012 is at
// version 4".
Status CheckVersion(std::optional<int64_t> expected, int64_t actual, std::string_view kind,
                    std::string_view name);

}  // namespace ordo
