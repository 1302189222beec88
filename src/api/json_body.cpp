#include "api/json_body.h"

#include <nlohmann/json.hpp>

namespace ordo::api {
namespace {

std::string_view TrimSpaces(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

}  // namespace

bool IsJsonMediaType(std::string_view content_type) {
  return http::EqualsIgnoreCase(TrimSpaces(content_type.substr(0, content_type.find(';'))),
                                "application/json");
}

std::optional<http::Response> RefuseNonJsonBody(const http::Request& request) {
  if (request.body.empty()) return std::nullopt;
  std::optional<std::string_view> type = request.Header("Content-Type");
  if (type && IsJsonMediaType(*type)) return std::nullopt;
  return http::Response::Problem(415, "unsupported_media_type", "Unsupported media type",
                                 type ? "the body must be sent as application/json"
                                      : "the body has no Content-Type; send application/json",
                                 nlohmann::json::array());
}

}  // namespace ordo::api
