// FieldReader's text fields: each read with its limit (core/text_limits.h), refused with the
// field's path, and given back empty when refused.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "jsonio/field_reader.h"

namespace ordo::jsonio {
namespace {

using nlohmann::json;

TEST(FieldReaderText, TheLimitCountsCharacters) {
  std::string umlauts;
  for (int i = 0; i < 64; ++i) umlauts += "ü";
  const json doc = {{"po_number", umlauts}, {"long", umlauts + "ü"}};
  std::vector<FieldError> errors;
  FieldReader r(errors);
  EXPECT_EQ(r.String(doc, "po_number", "po_number", text_limits::kPoNumber, false), umlauts);
  EXPECT_EQ(r.String(doc, "long", "lines/3/long", text_limits::kPoNumber, false), "");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "lines/3/long");
  EXPECT_EQ(errors[0].code, "too_long");
}

TEST(FieldReaderText, ControlCharactersAreRefusedExceptLineBreaksInAMultiLineField) {
  const json doc = {{"name", std::string("a\0b", 3)}, {"note", "checked\r\n\tok"}, {"x", "a\x7f"}};
  std::vector<FieldError> errors;
  FieldReader r(errors);
  EXPECT_EQ(r.OptionalString(doc, "name", "name", text_limits::kCustomerName), std::nullopt);
  EXPECT_EQ(r.OptionalString(doc, "note", "note", text_limits::kHoldReleaseNote),
            std::optional<std::string>("checked\r\n\tok"));
  // A field with no entry in the table is still text: text_limits::kUnlisted.
  EXPECT_EQ(r.String(doc, "x", "x", false), "");
  EXPECT_EQ(r.String(json{{"x", std::string(1001, 'a')}}, "x", "x", false), "");
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0],
            (FieldError{"name", "invalid_text", "name holds a control character (character 2)"}));
  EXPECT_EQ(errors[1].code, "invalid_text");
  EXPECT_EQ(errors[2].code, "too_long");
}

}  // namespace
}  // namespace ordo::jsonio
