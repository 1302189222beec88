#include "api/preconditions.h"

#include <charconv>
#include <string>
#include <string_view>

namespace ordo::api {

Result<std::optional<int64_t>> IfMatchVersion(const http::Request& request) {
  auto header = request.Header("If-Match");
  if (!header) return std::optional<int64_t>();
  std::string_view v = *header;
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  if (v == "*") return std::optional<int64_t>();
  if (v.starts_with("W/")) v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  int64_t version = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
  if (ec != std::errc() || end != v.data() + v.size() || version <= 0) {
    return Status::InvalidArgument(
        "If-Match must be a document version",
        {{"If-Match", "invalid_format", "a version such as 3 or \"3\""}});
  }
  return std::optional<int64_t>(version);
}

void SetVersionTag(http::Response& response, int64_t version) {
  response.SetHeader("ETag", "\"" + std::to_string(version) + "\"");
}

}  // namespace ordo::api
