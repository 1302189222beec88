// URL helpers for request targets: percent-decoding and query-string parsing.
//
// Pure functions, thread-safe. Malformed escapes ("%G1", a trailing "%") are errors rather
// than being passed through, so handlers never see half-decoded input.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ordo::http {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Decodes %XX escapes; with `plus_as_space`, '+' becomes ' ' (form/query encoding).
// nullopt when an escape is malformed or decodes to NUL.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_as_space);

// "a=1&b=x+y&a=2&flag" -> {{"a","1"},{"b","x y"},{"a","2"},{"flag",""}}, in order.
// Empty pieces ("a=1&&b=2") are skipped. nullopt when any key or value is malformed.
std::optional<QueryParams> ParseQuery(std::string_view query);

// A request target split at the first '?': {"/a/b", "x=1"}. The query is empty when absent.
std::pair<std::string_view, std::string_view> SplitTarget(std::string_view target);

}  // namespace ordo::http
