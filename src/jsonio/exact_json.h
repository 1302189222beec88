// JSON parsing that keeps decimal numbers exact, and refuses what a request body must not be.
//
// nlohmann::json stores a number with a fraction or exponent as a double. Money and
// quantities must never pass through a double, so ParseExactJson keeps such a number as its
// source text in a binary value with a private subtype, which JSON text itself can never
// produce and which no string or object field accepts. DecimalText() reads a decimal field
// given as a JSON integer, an exact decimal or a string. An integer too large for 64 bits
// (99999999999999999999) is kept as decimal text the same way, so the field that reads it can
// say it is out of range.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ordo::jsonio {

// The document. Errors (invalid_argument with one field error, since parsing stops there):
//   - "too_deep" at "": more than kMaxJsonDepth (json_depth.h) levels, found before parsing;
//   - "malformed_json" at "": not JSON (syntax, invalid UTF-8, trailing text);
//   - "duplicate_key" at the key's path ("lines/0/sku"): an object names a key twice, at any
//     depth (which one a reader would take is not defined, so neither is taken);
//   - "out_of_range" at the number's path: a number no double can hold (1e400).
Result<nlohmann::json> ParseExactJson(std::string_view text);

// The decimal text of `value` when it is an integer, an exact decimal or a string.
std::optional<std::string> DecimalText(const nlohmann::json& value);

// Whether `value` is a number kept as decimal text (a fraction, an exponent, or an integer
// beyond 64 bits), as opposed to a JSON integer.
bool IsDecimalNumber(const nlohmann::json& value);

}  // namespace ordo::jsonio
