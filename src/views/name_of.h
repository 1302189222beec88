// NameOf: the display name a batched lookup found for an id, or "" when it found none (the
// schema's foreign keys make that impossible for stored documents).
#pragma once

#include <string>

namespace ordo::views {

template <typename Names, typename Key>
std::string NameOf(const Names& names, const Key& key) {
  auto it = names.find(key);
  return it == names.end() ? std::string() : it->second;
}

}  // namespace ordo::views
