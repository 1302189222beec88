// IdList: a set of ids bound as one statement parameter, for the batched lookups that read
// models make (the numbers of a page's invoices, the codes of its customers): one statement
// per page whatever its size, prepared once, instead of one query per row.
//
//   WHERE id IN (SELECT value FROM json_each(?))     -- bound with IdListJson(ids)
//
// The list travels as a JSON array text; SQLite expands it with json_each (PostgreSQL will
// bind an array and use `= ANY(?)`, which the driver's dialect will spell).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ordo::store {

// The SQL that follows `column` to test membership in a bound IdListJson.
inline constexpr std::string_view kInIdList = " IN (SELECT value FROM json_each(?))";

// "[3,17,42]" for the ids' values (duplicates are harmless).
template <typename IdT>
std::string IdListJson(const std::vector<IdT>& ids) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += ',';
    if constexpr (std::is_integral_v<IdT>) {
      out += std::to_string(ids[i]);
    } else {
      out += std::to_string(ids[i].value());
    }
  }
  out += ']';
  return out;
}

}  // namespace ordo::store
