// FieldReader: reads the fields of a JSON request body and collects every problem at once.
//
//   std::vector<FieldError> errors;
//   jsonio::FieldReader r(errors);
//   r.OnlyKnown(doc, {"code", "name"}, "");
//   std::string code = r.String(doc, "code", "code", /*required=*/true);
//   if (!errors.empty()) return Status::InvalidArgument("...", std::move(errors));
//
// Field paths are JSON-pointer-like without the leading slash ("lines/2/quantity"), built with
// core/field_path.h. Error codes: "required", "invalid_type", "unknown_field", "out_of_range"
// (a number beyond what the field takes, named by its path). Not thread-safe; one reader per
// request.
//
// null, the same on every route: null means "no value". Every reader below treats a field
// that is null exactly like a missing one: an optional field takes its default, a required
// field is reported "required". The one exception is a PATCH, where a missing field means
// "unchanged": there null clears a field that may be empty (a customer's price tier), and a
// field that must keep a value refuses null with "invalid_type" (RefuseNulls), so that no
// request is silently taken for something else.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/status.h"

namespace ordo::jsonio {

class FieldReader {
 public:
  // The largest amount Amount() accepts either way: one billion currency units.
  static constexpr int64_t kMaxAmountWhole = 1'000'000'000;

  explicit FieldReader(std::vector<FieldError>& errors) : errors_(errors) {}

  void Fail(const std::string& field, const std::string& code, const std::string& message);

  // True when `key` is present and not null.
  static bool Has(const nlohmann::json& obj, const char* key);

  // A string field; "" when missing (reported when required) or of the wrong type.
  std::string String(const nlohmann::json& obj, const char* key, const std::string& path,
                     bool required);
  // A string field that may be absent: nullopt when missing or of the wrong type.
  std::optional<std::string> OptionalString(const nlohmann::json& obj, const char* key,
                                            const std::string& path);
  // A decimal given as a JSON number or a string, as its exact text.
  std::optional<std::string> Decimal(const nlohmann::json& obj, const char* key,
                                     const std::string& path, bool required);
  // A money amount given as a JSON number or a decimal string, parsed exactly (at most four
  // decimals, never through a double) and at most kMaxAmount in size, so that sums of many
  // documents' amounts can never overflow; nullopt when absent or invalid (reported).
  std::optional<Money> Amount(const nlohmann::json& obj, const char* key, const std::string& path,
                              bool required);
  // A JSON integer (not a string, not a fraction); one beyond 64 bits (99999999999999999999,
  // 1e30) is "out_of_range".
  std::optional<int64_t> Integer(const nlohmann::json& obj, const char* key,
                                 const std::string& path, bool required);
  std::optional<bool> Bool(const nlohmann::json& obj, const char* key, const std::string& path,
                           bool required);
  // The object at `key`, or nullptr when missing (reported when required) or not an object.
  const nlohmann::json* Object(const nlohmann::json& obj, const char* key, const std::string& path,
                               bool required);
  // The array at `key`, or nullptr when missing (reported when required) or not an array.
  const nlohmann::json* Array(const nlohmann::json& obj, const char* key, const std::string& path,
                              bool required);

  // PATCH bodies: reports each of `keys` that `obj` sets to null as invalid_type at
  // FieldPath(`parent`, key): these fields cannot be cleared, and absent means unchanged.
  void RefuseNulls(const nlohmann::json& obj, std::initializer_list<const char*> keys,
                   std::string_view parent);

  // Reports every key of `obj` not in `known` as unknown_field at FieldPath(`parent`, key);
  // `parent` is the path of `obj` itself ("" for the body, "lines/2" for a line).
  void OnlyKnown(const nlohmann::json& obj, std::initializer_list<std::string_view> known,
                 std::string_view parent);

 private:
  std::vector<FieldError>& errors_;
};

// Parses a request body that must be one JSON object (decimals kept exact, see
// ParseExactJson). Errors: invalid_argument with one field error: those of ParseExactJson
// (malformed_json, too_deep, duplicate_key, out_of_range), or "invalid_type" at "" (JSON, but
// not an object).
Result<nlohmann::json> ParseJsonObject(std::string_view body);

}  // namespace ordo::jsonio
