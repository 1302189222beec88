// Query parameters of the report and list routes beside pagination.h: refusing unknown ones
// and reading dates, with every problem reported at once.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "http/request.h"

namespace ordo::api {

// invalid_argument with every query parameter outside `known` as unknown_parameter; ok when
// there is none.
Status CheckParameters(const http::Request& request, std::span<const std::string_view> known);

// The date query parameter `name` (YYYY-MM-DD); `fallback` when absent or empty. A malformed
// one adds an invalid_value error to `errors` and gives `fallback`.
Date DateParameter(const http::Request& request, const char* name, Date fallback,
                   std::vector<FieldError>& errors);

}  // namespace ordo::api
