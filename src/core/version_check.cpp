#include "core/version_check.h"

#include <string>

namespace ordo {

Status CheckVersion(std::optional<int64_t> expected, int64_t actual, std::string_view kind,
                    std::string_view name) {
  if (!expected || *expected == actual) return Status::Ok();
  return Status(ErrorCode::kPreconditionFailed, std::string(kind) + " " + std::string(name) +
                                                    " is at version " + std::to_string(actual));
}

}  // namespace ordo
