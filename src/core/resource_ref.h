// How a path names a resource: by id ("/orders/42") or by its human number or code
// ("/orders/SO-000042", "/items/WID-100"). Lookups try the exact code (or SKU, or number)
// first and then, for a segment of digits only, the id: codes may be all digits, and an exact
// code must never be shadowed by another record's id. (Document numbers always carry a
// prefix, so orders look up all-digit segments by id alone.)
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ordo {

struct ResourceRef {
  std::optional<int64_t> id;  // set when the segment is all digits (and fits)
  std::string code;           // the segment as given
};

inline ResourceRef ParseResourceRef(std::string_view segment) {
  ResourceRef ref{std::nullopt, std::string(segment)};
  int64_t value = 0;
  auto [end, ec] = std::from_chars(segment.data(), segment.data() + segment.size(), value);
  if (!segment.empty() && segment.front() != '-' && ec == std::errc() &&
      end == segment.data() + segment.size()) {
    ref.id = value;
  }
  return ref;
}

}  // namespace ordo
