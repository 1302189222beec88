// Response: what a handler answers, plus builders for JSON, text and problem+json bodies.
//
// A plain value; the server adds Content-Length, Connection and X-Request-Id when writing it
// (any such headers set here are replaced). Not synchronized.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ordo::http {

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // `body` serialized compactly, Content-Type: application/json. Invalid UTF-8 in strings is
  // replaced rather than thrown.
  static Response Json(int status, const nlohmann::json& body);
  static Response Text(int status, std::string text,
                       std::string content_type = "text/plain; charset=utf-8");
  // An RFC 9457 problem document (Content-Type: application/problem+json):
  // {"type": "https://ordo.dev/problems/<code>", "title", "status", "detail", "code",
  //  "errors": [...]}. `errors` must be an array (anything else is sent as []).
  static Response Problem(int status, std::string_view code, std::string_view title,
                          std::string_view detail = {});
  static Response Problem(int status, std::string_view code, std::string_view title,
                          std::string_view detail, const nlohmann::json& errors);

  // Replaces every header named `name` (case-insensitive) by one with `value`.
  void SetHeader(std::string_view name, std::string value);
  // The first header named `name`, compared case-insensitively.
  std::optional<std::string_view> Header(std::string_view name) const;
};

inline constexpr std::string_view kProblemTypePrefix = "https://ordo.dev/problems/";

}  // namespace ordo::http
