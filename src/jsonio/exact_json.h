// JSON parsing that keeps decimal numbers exact.
//
// nlohmann::json stores a number with a fraction or exponent as a double. Money and
// quantities must never pass through a double, so ParseExactJson keeps such a number as its
// source text in a binary value with a private subtype, which JSON text itself can never
// produce and which no string or object field accepts. DecimalText() reads a decimal field
// given as a JSON integer, an exact decimal or a string.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace ordo::jsonio {

// The document, or nullopt when `text` is not valid JSON (or nests deeper than 64 levels).
std::optional<nlohmann::json> ParseExactJson(std::string_view text);

// The decimal text of `value` when it is an integer, an exact decimal or a string.
std::optional<std::string> DecimalText(const nlohmann::json& value);

}  // namespace ordo::jsonio
