// Cursor pagination for list endpoints: `?limit=50&cursor=…` →
// {"items": [...], "next_cursor": "…" | null}.
//
// A cursor is opaque to clients; it wraps the id of the last item returned, so a page is
// "the next `limit` rows after that id in the list's order" and stays stable while rows are
// added. A list query fetches limit + 1 rows to know whether another page follows. The list's
// other parameters are read with query_params.h.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/status.h"
#include "http/request.h"

namespace ordo::api {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 500;

struct PageRequest {
  int limit = kDefaultPageSize;
  std::optional<int64_t> after;  // the id the cursor points after
};

// `limit` (1..500, default 50) and `cursor` from the query string. Errors: invalid_argument
// naming the parameter.
Result<PageRequest> ParsePage(const http::Request& request);

std::string EncodeCursor(int64_t last_id);
std::optional<int64_t> DecodeCursor(std::string_view cursor);

// A list query fetched limit + 1 rows: keeps the first `limit` and answers the id the next
// page starts after, or nullopt when there is no next page.
template <typename Row>
std::optional<int64_t> TrimToPage(std::vector<Row>& rows, int limit) {
  if (rows.size() <= static_cast<size_t>(limit)) return std::nullopt;
  rows.resize(limit);
  if constexpr (std::is_integral_v<decltype(rows.back().id)>) {
    return rows.back().id;
  } else {
    return rows.back().id.value();
  }
}

// {"items": items, "next_cursor": cursor of `last_id` or null}.
nlohmann::json PageJson(nlohmann::json items, std::optional<int64_t> last_id);

}  // namespace ordo::api
