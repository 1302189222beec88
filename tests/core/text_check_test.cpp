#include "core/text_check.h"

#include <gtest/gtest.h>

#include <string>

namespace ordo {
namespace {

std::string Repeat(std::string_view piece, size_t times) {
  std::string out;
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(TextCheck, CountsCharactersNotBytes) {
  EXPECT_EQ(CountCharacters(""), 0u);
  EXPECT_EQ(CountCharacters("PO-42"), 5u);
  EXPECT_EQ(CountCharacters(Repeat("ü", 64)), 64u);
  EXPECT_EQ(CountCharacters("\xE2\x82\xAC\xF0\x9F\x93\xA6"), 2u);  // euro sign, 4-byte emoji
  EXPECT_EQ(CountCharacters("a\xff"
                            "b"),
            3u);  // a malformed byte is one
}

TEST(TextCheck, TheLimitIsInCharacters) {
  const TextLimit limit{64};
  EXPECT_EQ(CheckText(Repeat("ü", 64), limit, "po_number"), std::nullopt);
  EXPECT_EQ(CheckText(Repeat("\xF0\x9F\x93\xA6", 64), limit, "po_number"), std::nullopt);
  std::optional<FieldError> e = CheckText(Repeat("ü", 65), limit, "po_number");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "po_number");
  EXPECT_EQ(e->code, "too_long");
  EXPECT_EQ(e->message, "po_number is at most 64 characters (65 given)");
}

TEST(TextCheck, RefusesMalformedUtf8WithItsPosition) {
  std::optional<FieldError> e = CheckText("ab\xC3", text_limits::kSku, "lines/2/sku");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "lines/2/sku");
  EXPECT_EQ(e->code, "invalid_text");
  EXPECT_EQ(e->message, "sku is not valid UTF-8 (character 3)");
  EXPECT_TRUE(CheckText("\xED\xA0\x80", text_limits::kSku, "sku"));  // a surrogate
}

TEST(TextCheck, RefusesEveryControlCharacter) {
  for (std::string bad : {std::string("a\0b", 3), std::string("a\x01"), std::string("\x1F"),
                          std::string("a\x7F"), std::string("\xC2\x80"), std::string("\xC2\x9F"),
                          std::string("a\tb"), std::string("a\nb"), std::string("a\rb")}) {
    std::optional<FieldError> e = CheckText(bad, text_limits::kCustomerName, "name");
    ASSERT_TRUE(e) << bad;
    EXPECT_EQ(e->code, "invalid_text");
  }
  std::optional<FieldError> e = CheckText("ab\x01", text_limits::kCustomerName, "name");
  EXPECT_EQ(e->message, "name holds a control character (character 3)");
  // Just past the controls: no-break space (U+00A0), and ordinary punctuation.
  EXPECT_EQ(CheckText("\xC2\xA0~ !", text_limits::kCustomerName, "name"), std::nullopt);
}

TEST(TextCheck, AMultiLineFieldTakesTabAndLineBreaksOnly) {
  const TextLimit note = text_limits::kHoldReleaseNote;
  ASSERT_TRUE(note.multiline);
  EXPECT_EQ(CheckText("checked with\tAR\r\nreleased", note, "note"), std::nullopt);
  EXPECT_TRUE(CheckText(std::string("a\0b", 3), note, "note"));
  EXPECT_TRUE(CheckText("a\x0B", note, "note"));  // vertical tab
  EXPECT_TRUE(CheckText("a\x7F", note, "note"));
}

}  // namespace
}  // namespace ordo
