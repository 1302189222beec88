// Reading list and report parameters from the query string (`?status=open&as_of=2026-03-31`).
//
// Every reader names the parameter in the field errors it reports, so that one answer lists
// every bad parameter with its name. An empty value (`?status=`) counts as absent. Paging's own
// parameters (`limit`, `cursor`) are read by ParsePage (pagination.h).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "http/request.h"

namespace ordo::api {

// Reports every query parameter of `request` not in `known` as unknown_parameter, at once.
void CheckListParameters(const http::Request& request, std::span<const std::string_view> known,
                         std::vector<FieldError>& errors);

// The same as one answer. Errors: invalid_argument "unknown parameters" with every one.
Status CheckKnownParameters(const http::Request& request, std::span<const std::string_view> known);

// The parameter's text; nullopt when absent or empty.
std::optional<std::string> NonEmptyQuery(const http::Request& request, std::string_view name);

// The query parameter `name` as a positive integer id; nullopt when absent. Errors:
// invalid_argument naming the parameter.
Result<std::optional<int64_t>> QueryId(const http::Request& request, std::string_view name);

// The parameter as a date (YYYY-MM-DD); nullopt when absent, or when it is not a date, which
// is reported to `errors` as invalid_value "<name> is a date (YYYY-MM-DD)".
std::optional<Date> QueryDate(const http::Request& request, std::string_view name,
                              std::vector<FieldError>& errors);

// The parameter as true or false; nullopt when absent. Errors: invalid_argument
// "<name> must be true or false" naming the parameter.
Result<std::optional<bool>> QueryBool(const http::Request& request, std::string_view name);

// A filter on one of an enumeration's names (`status=open`): `from_name` maps a name to its
// value (nullopt for an unknown name). Nullopt when absent, or when the name is unknown, which
// is reported to `errors` as invalid_value "<name> is one of <choices>".
template <typename FromName>
auto QueryEnum(const http::Request& request, std::string_view name, FromName from_name,
               std::string_view choices, std::vector<FieldError>& errors)
    -> decltype(from_name(std::string_view())) {
  auto text = request.Query(name);
  if (!text || text->empty()) return std::nullopt;
  auto value = from_name(*text);
  if (!value) {
    errors.push_back({std::string(name), "invalid_value",
                      std::string(name) + " is one of " + std::string(choices)});
  }
  return value;
}

}  // namespace ordo::api
