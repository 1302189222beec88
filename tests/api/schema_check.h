// SchemaCheck: checks a JSON value against a JSON Schema (draft 2020-12) as the OpenAPI 3.1
// document uses it, so that the API tests can hold every answer to the published schema.
//
// It knows the keywords the document uses and a few more (type, $ref, properties, required,
// additionalProperties, items, enum, const, pattern, min/maxLength in characters, minimum,
// maximum, exclusive bounds, min/maxItems, allOf, anyOf, oneOf, not, and the formats date,
// date-time, int64 and uri) and treats the annotations (description, examples, default...) as
// such. Any other keyword is reported as unsupported rather than ignored, so a schema that
// starts using one fails loudly instead of passing unchecked.
//
// $ref is a JSON pointer into the document given at construction ("#/components/schemas/X").
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

namespace ordo::api::testing {

class SchemaCheck {
 public:
  // `document` resolves $ref and must outlive the checker.
  explicit SchemaCheck(const nlohmann::json& document) : document_(document) {}

  // Appends one line per violation, "<path>: <what>", where path names the place in the value
  // ("/lines/0/unit_price", "" for the value itself). Returns whether none was found.
  bool Check(const nlohmann::json& schema, const nlohmann::json& value, const std::string& path,
             std::vector<std::string>& violations) const;

  // The schema a "#/..." reference points at; throws std::out_of_range when it is dangling.
  const nlohmann::json& Resolve(const std::string& ref) const;

 private:
  void CheckKeyword(const std::string& key, const nlohmann::json& arg, const nlohmann::json& schema,
                    const nlohmann::json& value, const std::string& path,
                    std::vector<std::string>& out) const;
  const std::regex& Pattern(const std::string& source) const;

  const nlohmann::json& document_;
  mutable std::map<std::string, std::unique_ptr<std::regex>> patterns_;
};

}  // namespace ordo::api::testing
