#include "api/query_params.h"

#include <charconv>

namespace ordo::api {
namespace {

std::optional<int64_t> ParsePositive(std::string_view text) {
  int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace

void CheckListParameters(const http::Request& request, std::span<const std::string_view> known,
                         std::vector<FieldError>& errors) {
  for (const auto& [name, value] : request.query) {
    bool ok = false;
    for (auto k : known) ok = ok || k == name;
    if (!ok) errors.push_back({name, "unknown_parameter", "no parameter " + name + " here"});
  }
}

Status CheckKnownParameters(const http::Request& request, std::span<const std::string_view> known) {
  std::vector<FieldError> errors;
  CheckListParameters(request, known, errors);
  if (errors.empty()) return Status::Ok();
  return Status::InvalidArgument("unknown parameters", std::move(errors));
}

std::optional<std::string> NonEmptyQuery(const http::Request& request, std::string_view name) {
  auto value = request.Query(name);
  if (!value || value->empty()) return std::nullopt;
  return std::string(*value);
}

Result<std::optional<int64_t>> QueryId(const http::Request& request, std::string_view name) {
  auto text = request.Query(name);
  if (!text || text->empty()) return std::optional<int64_t>();
  auto value = ParsePositive(*text);
  if (!value) {
    std::string message = std::string(name) + " must be a positive integer id";
    return Status::InvalidArgument(message, {{std::string(name), "invalid_value", message}});
  }
  return std::optional<int64_t>(*value);
}

std::optional<Date> QueryDate(const http::Request& request, std::string_view name,
                              std::vector<FieldError>& errors) {
  auto text = request.Query(name);
  if (!text || text->empty()) return std::nullopt;
  auto date = ParseDate(*text);
  if (!date) {
    errors.push_back(
        {std::string(name), "invalid_value", std::string(name) + " is a date (YYYY-MM-DD)"});
  }
  return date;
}

Result<std::optional<bool>> QueryBool(const http::Request& request, std::string_view name) {
  auto text = request.Query(name);
  if (!text || text->empty()) return std::optional<bool>();
  if (*text != "true" && *text != "false") {
    return Status::InvalidArgument(
        std::string(name) + " must be true or false",
        {{std::string(name), "invalid_value", std::string(name) + " is true or false"}});
  }
  return std::optional<bool>(*text == "true");
}

}  // namespace ordo::api
