#include "http/response.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "http/request.h"

namespace ordo::http {

Response Response::Json(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.headers.emplace_back("Content-Type", "application/json");
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response Response::Text(int status, std::string text, std::string content_type) {
  Response response;
  response.status = status;
  response.headers.emplace_back("Content-Type", std::move(content_type));
  response.body = std::move(text);
  return response;
}

Response Response::Problem(int status, std::string_view code, std::string_view title,
                           std::string_view detail) {
  return Problem(status, code, title, detail, nlohmann::json::array());
}

Response Response::Problem(int status, std::string_view code, std::string_view title,
                           std::string_view detail, const nlohmann::json& errors) {
  nlohmann::json doc = {
      {"type", std::string(kProblemTypePrefix) + std::string(code)},
      {"title", title},
      {"status", status},
      {"detail", detail},
      {"code", code},
      {"errors", errors.is_array() ? errors : nlohmann::json::array()},
  };
  Response response = Json(status, doc);
  response.SetHeader("Content-Type", "application/problem+json");
  return response;
}

void Response::SetHeader(std::string_view name, std::string value) {
  std::erase_if(headers, [&](const auto& h) { return EqualsIgnoreCase(h.first, name); });
  headers.emplace_back(std::string(name), std::move(value));
}

std::optional<std::string_view> Response::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

}  // namespace ordo::http
