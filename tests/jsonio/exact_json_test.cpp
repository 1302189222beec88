// What ParseExactJson refuses before or while it builds a document: nesting beyond the limit
// (checked on the text first, so depth costs nothing), duplicate keys at any depth, and numbers
// no double can hold, each with the code and the path the API reports.
#include "jsonio/exact_json.h"

#include <gtest/gtest.h>

#include <string>

#include "jsonio/json_depth.h"

namespace ordo::jsonio {
namespace {

// The one field error of a refused parse, as "field code".
std::string ErrorOf(std::string_view text) {
  Result<nlohmann::json> r = ParseExactJson(text);
  if (r.ok()) return "parsed";
  if (r.status().errors().size() != 1) return "errors: " + r.status().ToString();
  const FieldError& e = r.status().errors().front();
  return e.field + " " + e.code;
}

std::string Nested(size_t depth, std::string_view inner = "1") {
  return std::string(depth, '[') + std::string(inner) + std::string(depth, ']');
}

TEST(JsonDepth, CountsBracketsOutsideStrings) {
  EXPECT_FALSE(NestsDeeperThan(R"({"a": [1, {"b": []}]})", 4));
  EXPECT_TRUE(NestsDeeperThan(R"({"a": [1, {"b": []}]})", 3));
  EXPECT_FALSE(NestsDeeperThan(R"({"a": "[[[[{{{{", "b": "\"[[["})", 1));
  EXPECT_FALSE(NestsDeeperThan("[][][][]", 1));
  EXPECT_TRUE(NestsDeeperThan("[[", 1));  // an unclosed text still counts
}

TEST(ExactJson, NestingUpToTheLimitParses) {
  EXPECT_EQ(ErrorOf(Nested(kMaxJsonDepth)), "parsed");
  EXPECT_EQ(ErrorOf(Nested(kMaxJsonDepth + 1)), " too_deep");
}

TEST(ExactJson, AVeryDeepBodyIsRefusedAsTooDeepNotMalformed) {
  // Half a million levels inside an unknown field: refused from the text, never recursed into.
  std::string body = R"({"username": "a", "password": "b", "x": )" + Nested(500'000) + "}";
  EXPECT_EQ(ErrorOf(body), " too_deep");
  // Unclosed, the same.
  EXPECT_EQ(ErrorOf(std::string(500'000, '{')), " too_deep");
}

TEST(ExactJson, DuplicateKeysAreRefusedWithTheirPathAtAnyDepth) {
  EXPECT_EQ(ErrorOf(R"({"customer": "C-1", "customer": "C-2"})"), "customer duplicate_key");
  EXPECT_EQ(ErrorOf(R"({"lines": [{"sku": "A"}, {"sku": "A", "quantity": 1, "sku": "B"}]})"),
            "lines/1/sku duplicate_key");
  EXPECT_EQ(ErrorOf(R"({"a": {"b": {"c": 1, "c": 1}}})"), "a/b/c duplicate_key");
  // The same key in two objects is no duplicate.
  EXPECT_EQ(ErrorOf(R"({"lines": [{"sku": "A"}, {"sku": "A"}], "sku": "A"})"), "parsed");
}

TEST(ExactJson, NumbersNoDoubleHoldsAreOutOfRangeAtTheirPath) {
  EXPECT_EQ(ErrorOf(R"({"amount": 1e400})"), "amount out_of_range");
  EXPECT_EQ(ErrorOf(R"({"lines": [{"quantity": 1}, {"quantity": -1E+999}]})"),
            "lines/1/quantity out_of_range");
  EXPECT_EQ(ErrorOf("1e400"), " out_of_range");
}

TEST(ExactJson, IntegersBeyond64BitsAreKeptAsText) {
  auto doc = ParseExactJson(R"({"q": 99999999999999999999, "n": -99999999999999999999})");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(DecimalText((*doc)["q"]), "99999999999999999999");
  EXPECT_EQ(DecimalText((*doc)["n"]), "-99999999999999999999");
  EXPECT_TRUE(IsDecimalNumber((*doc)["q"]));
}

TEST(ExactJson, WhatIsNotJsonIsMalformed) {
  for (std::string_view text : {"{\"a\": ", "{\"a\": 1} x", "{'a': 1}", "{\"a\": \"\xff\"}", ""}) {
    EXPECT_EQ(ErrorOf(text), " malformed_json") << text;
  }
}

}  // namespace
}  // namespace ordo::jsonio
