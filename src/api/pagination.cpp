#include "api/pagination.h"

#include <charconv>

namespace ordo::api {
namespace {

constexpr std::string_view kCursorPrefix = "c1.";

std::optional<int64_t> ParsePositive(std::string_view text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

Status BadParameter(std::string_view name, std::string message) {
  return Status::InvalidArgument(message, {{std::string(name), "invalid_value", message}});
}

}  // namespace

std::string EncodeCursor(int64_t last_id) {
  return std::string(kCursorPrefix) + std::to_string(last_id);
}

std::optional<int64_t> DecodeCursor(std::string_view cursor) {
  if (!cursor.starts_with(kCursorPrefix)) return std::nullopt;
  return ParsePositive(cursor.substr(kCursorPrefix.size()));
}

Result<PageRequest> ParsePage(const http::Request& request) {
  PageRequest page;
  if (auto limit = request.Query("limit")) {
    auto value = ParsePositive(*limit);
    if (!value || *value > kMaxPageSize) {
      return BadParameter("limit",
                          "limit must be an integer from 1 to " + std::to_string(kMaxPageSize));
    }
    page.limit = static_cast<int>(*value);
  }
  if (auto cursor = request.Query("cursor"); cursor && !cursor->empty()) {
    page.after = DecodeCursor(*cursor);
    if (!page.after) return BadParameter("cursor", "cursor is not one this server gave out");
  }
  return page;
}

nlohmann::json PageJson(nlohmann::json items, std::optional<int64_t> last_id) {
  return {{"items", std::move(items)},
          {"next_cursor", last_id ? nlohmann::json(EncodeCursor(*last_id)) : nlohmann::json()}};
}

}  // namespace ordo::api
