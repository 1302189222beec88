// FieldReader's numbers and nulls: a number too large is out_of_range at its field, never
// "malformed" nor a type error; null reads as absent; PATCH bodies refuse nulls by name.
#include "jsonio/field_reader.h"

#include <gtest/gtest.h>

#include "jsonio/exact_json.h"

namespace ordo::jsonio {
namespace {

using nlohmann::json;

json Parse(std::string_view text) {
  auto doc = ParseJsonObject(text);
  if (!doc.ok()) throw std::runtime_error(doc.status().ToString());
  return *doc;
}

TEST(FieldReader, IntegersBeyond64BitsAreOutOfRange) {
  for (std::string_view text : {R"({"n": 99999999999999999999})", R"({"n": 9223372036854775808})",
                                R"({"n": -9223372036854775809})", R"({"n": 1e30})"}) {
    std::vector<FieldError> errors;
    FieldReader r(errors);
    EXPECT_EQ(r.Integer(Parse(text), "n", "lines/0/n", true), std::nullopt);
    ASSERT_EQ(errors.size(), 1u) << text;
    EXPECT_EQ(errors[0], (FieldError{"lines/0/n", "out_of_range", "n is too large"})) << text;
  }
  std::vector<FieldError> errors;
  FieldReader r(errors);
  EXPECT_EQ(r.Integer(Parse(R"({"n": 9223372036854775807})"), "n", "n", true), INT64_MAX);
  EXPECT_EQ(r.Integer(Parse(R"({"n": 1.5})"), "n", "n", true), std::nullopt);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "invalid_type");
}

TEST(FieldReader, AmountsTooLargeAreOutOfRangeWithTheirField) {
  for (std::string_view text :
       {R"({"amount": 99999999999999999999})", R"({"amount": "99999999999999999999.00"})",
        R"({"amount": 1000000000.01})"}) {
    std::vector<FieldError> errors;
    FieldReader r(errors);
    EXPECT_EQ(r.Amount(Parse(text), "amount", "applications/2/amount", true), std::nullopt);
    ASSERT_EQ(errors.size(), 1u) << text;
    EXPECT_EQ(errors[0].field, "applications/2/amount") << text;
    EXPECT_EQ(errors[0].code, "out_of_range") << text;
  }
}

TEST(FieldReader, NullIsAbsentForEveryReader) {
  json doc = Parse(R"({"s": null, "d": null, "i": null, "b": null, "o": null, "a": null})");
  std::vector<FieldError> errors;
  FieldReader r(errors);
  EXPECT_EQ(r.String(doc, "s", "s", false), "");
  EXPECT_EQ(r.OptionalString(doc, "s", "s"), std::nullopt);
  EXPECT_EQ(r.Decimal(doc, "d", "d", false), std::nullopt);
  EXPECT_EQ(r.Amount(doc, "d", "d", false), std::nullopt);
  EXPECT_EQ(r.Integer(doc, "i", "i", false), std::nullopt);
  EXPECT_EQ(r.Bool(doc, "b", "b", false), std::nullopt);
  EXPECT_EQ(r.Object(doc, "o", "o", false), nullptr);
  EXPECT_EQ(r.Array(doc, "a", "a", false), nullptr);
  EXPECT_TRUE(errors.empty());
  r.String(doc, "s", "s", true);
  r.Integer(doc, "i", "i", true);
  r.Array(doc, "a", "a", true);
  ASSERT_EQ(errors.size(), 3u);
  for (const auto& e : errors) EXPECT_EQ(e.code, "required") << e.field;
}

TEST(FieldReader, RefuseNullsNamesEachNullField) {
  json doc = Parse(R"({"name": null, "cost": 1, "bill_to": {"city": null}})");
  std::vector<FieldError> errors;
  FieldReader r(errors);
  r.RefuseNulls(doc, {"name", "cost", "absent"}, "");
  r.RefuseNulls(doc["bill_to"], {"city"}, "bill_to");
  EXPECT_EQ(errors,
            (std::vector<FieldError>{{"name", "invalid_type", "name cannot be null"},
                                     {"bill_to/city", "invalid_type", "city cannot be null"}}));
}

}  // namespace
}  // namespace ordo::jsonio
