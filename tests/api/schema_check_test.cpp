// The checker that holds API answers to the OpenAPI document: each keyword accepts what it
// should and reports what it should not, and the answer check finds the operation, the
// response and its media type. If these pass while the checker is broken, the fixture's
// validation of every answer would pass vacuously, so each rule is seen failing here.
#include "api/schema_check.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api/openapi_answers.h"

namespace ordo::api::testing {
namespace {

using nlohmann::json;

const json kDocument = json::parse(R"({
  "openapi": "3.1.0",
  "paths": {
    "/things/{ref}": {"get": {"responses": {
      "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
      "404": {"$ref": "#/components/responses/BadRequest"}}}},
    "/things/search": {"get": {"responses": {"204": {"description": "nothing"}}}},
    "/things/{ref}.pdf": {"get": {"responses": {
      "200": {"content": {"application/pdf": {"schema": {"type": "string"}}}}}}}
  },
  "components": {
    "responses": {"BadRequest": {"content": {"application/problem+json": {
      "schema": {"$ref": "#/components/schemas/Problem"}}}}},
    "schemas": {
      "Problem": {"type": "object", "required": ["code"],
                  "properties": {"code": {"enum": ["not_found", "bad_request"]}}},
      "Price": {"type": "string", "pattern": "^-?[0-9]+\\.[0-9]{4}$"},
      "Thing": {
        "type": "object",
        "required": ["id", "name"],
        "additionalProperties": false,
        "properties": {
          "id": {"type": "integer", "format": "int64", "minimum": 1},
          "name": {"type": "string", "minLength": 1, "maxLength": 3},
          "price": {"$ref": "#/components/schemas/Price"},
          "on": {"type": ["string", "null"], "format": "date"},
          "at": {"type": "string", "format": "date-time"},
          "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
          "kind": {"oneOf": [{"const": "a"}, {"type": "integer"}]}
        }
      }
    }
  }
})");

std::vector<std::string> Violations(const json& value) {
  SchemaCheck check(kDocument);
  std::vector<std::string> out;
  check.Check(kDocument["components"]["schemas"]["Thing"], value, "", out);
  return out;
}

TEST(SchemaCheckTest, AValueThatKeepsEveryRulePasses) {
  EXPECT_TRUE(Violations(json::parse(R"({"id": 7, "name": "üüü", "price": "1.5500",
      "on": null, "at": "2026-12-06T07:30:00.123Z", "tags": ["x"], "kind": "a"})"))
                  .empty());
  EXPECT_TRUE(Violations(json::parse(R"({"id": 7, "name": "a", "on": "2024-02-29",
      "at": "2026-12-06T07:30:00+01:00", "kind": 3})"))
                  .empty());
}

TEST(SchemaCheckTest, EachBrokenRuleIsReportedAtItsPath) {
  struct Case {
    const char* value;
    const char* expected;
  };
  const Case cases[] = {
      {R"({"name": "a"})", ": lacks the required property id"},
      {R"({"id": "7", "name": "a"})", "/id: \"7\" is not of type \"integer\""},
      {R"({"id": 0, "name": "a"})", "/id: 0 breaks minimum 1"},
      {R"({"id": 1, "name": "abcd"})", "/name: 4 characters breaks maxLength 3"},
      {R"({"id": 1, "name": ""})", "/name: 0 characters breaks minLength 1"},
      {R"({"id": 1, "name": "a", "price": "1.55"})",
       "/price: \"1.55\" does not match ^-?[0-9]+\\.[0-9]{4}$"},
      {R"({"id": 1, "name": "a", "on": "2023-02-29"})", "/on: \"2023-02-29\" is not a date"},
      {R"({"id": 1, "name": "a", "at": "2026-12-06 07:30:00Z"})",
       "/at: \"2026-12-06 07:30:00Z\" is not a date-time"},
      {R"({"id": 1, "name": "a", "tags": ["x", 2]})", "/tags/1: 2 is not of type \"string\""},
      {R"({"id": 1, "name": "a", "tags": ["x", "y", "z"]})", "/tags: 3 items breaks maxItems 2"},
      {R"({"id": 1, "name": "a", "kind": "b"})", "/kind: \"b\" matches none of oneOf"},
      {R"({"id": 1, "name": "a", "extra": true})", "/extra: is not a documented property"},
  };
  for (const Case& c : cases) {
    auto found = Violations(json::parse(c.value));
    ASSERT_FALSE(found.empty()) << c.value;
    EXPECT_EQ(found.front().substr(0, std::string(c.expected).size()), c.expected) << c.value;
  }
}

TEST(SchemaCheckTest, AnUnknownKeywordIsReportedRatherThanIgnored) {
  SchemaCheck check(kDocument);
  std::vector<std::string> out;
  EXPECT_FALSE(check.Check(json::parse(R"({"multipleOf": 2})"), 3, "", out));
  EXPECT_EQ(out, std::vector<std::string>{": unsupported schema keyword multipleOf"});
}

TEST(OpenApiAnswersTest, FindsTheOperationResponseAndMediaType) {
  OpenApiAnswers answers(kDocument.dump());
  EXPECT_TRUE(answers
                  .Check("GET", "/things/1?x=y", 200, "application/json; charset=utf-8",
                         R"({"id": 1, "name": "a"})")
                  .empty());
  // The literal path wins over the template.
  EXPECT_TRUE(answers.Check("GET", "/things/search", 204, "", "").empty());
  EXPECT_TRUE(answers.Check("GET", "/things/9.pdf", 200, "application/pdf", "%PDF").empty());
  EXPECT_TRUE(
      answers.Check("GET", "/things/9", 404, "application/problem+json", R"({"code": "not_found"})")
          .empty());
  // Any request may be refused as malformed HTTP, with a problem document.
  EXPECT_TRUE(
      answers
          .Check("GET", "/things/9", 400, "application/problem+json", R"({"code": "bad_request"})")
          .empty());
}

TEST(OpenApiAnswersTest, ReportsWhatTheDocumentDoesNotPromise) {
  OpenApiAnswers answers(kDocument.dump());
  EXPECT_EQ(answers.Check("GET", "/things/1", 413, "application/problem+json", R"({})").size(), 1u);
  EXPECT_EQ(answers.Check("POST", "/things/1", 201, "application/json", "{}").size(), 1u);
  EXPECT_EQ(answers.Check("GET", "/things/1", 200, "text/plain", "x").size(), 1u);
  EXPECT_EQ(answers.Check("GET", "/things/1", 200, "application/json", "").size(), 1u);
  EXPECT_EQ(answers.Check("GET", "/things/search", 204, "text/plain", "x").size(), 1u);
  EXPECT_EQ(
      answers
          .Check("GET", "/things/1", 404, "application/problem+json", R"({"code": "gone_fishing"})")
          .size(),
      1u);
  EXPECT_EQ(answers.Check("GET", "/things/9.pdf", 200, "application/json", "{}").size(), 1u);
  EXPECT_EQ(answers.Check("GET", "/nowhere", 200, "application/json", "{}").size(), 1u);
}

}  // namespace
}  // namespace ordo::api::testing
