#include "api/query_parameters.h"

#include <string>

#include "api/pagination.h"

namespace ordo::api {

Status CheckParameters(const http::Request& request, std::span<const std::string_view> known) {
  std::vector<FieldError> errors;
  CheckListParameters(request, known, errors);
  if (errors.empty()) return Status::Ok();
  return Status::InvalidArgument("unknown parameters", std::move(errors));
}

Date DateParameter(const http::Request& request, const char* name, Date fallback,
                   std::vector<FieldError>& errors) {
  auto text = request.Query(name);
  if (!text || text->empty()) return fallback;
  auto d = ParseDate(*text);
  if (!d) {
    errors.push_back({name, "invalid_value", std::string(name) + " is a date (YYYY-MM-DD)"});
    return fallback;
  }
  return *d;
}

}  // namespace ordo::api
