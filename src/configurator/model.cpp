#include "configurator/model.h"

namespace ordo::configurator {

std::string_view KindName(ConstraintKind kind) {
  return kind == ConstraintKind::kRequires ? "requires" : "excludes";
}

std::optional<ConstraintKind> KindFromName(std::string_view name) {
  if (name == "requires") return ConstraintKind::kRequires;
  if (name == "excludes") return ConstraintKind::kExcludes;
  return std::nullopt;
}

}  // namespace ordo::configurator
