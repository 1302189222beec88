#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string_view>
#include <utility>

namespace ordo {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("PO-42"));
  EXPECT_TRUE(IsValidUtf8("Müller & Söhne"));    // 2-byte
  EXPECT_TRUE(IsValidUtf8("\xE2\x82\xAC 12"));   // euro sign, 3-byte
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x93\xA6"));  // 4-byte
}

TEST(Utf8, RejectsMalformedText) {
  EXPECT_FALSE(IsValidUtf8("PO\xff"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\x80"));              // lone continuation
}

}  // namespace
TEST(Utf8, DecodesEachSequenceLength) {
  for (auto [text, code_point] : {std::pair<std::string_view, char32_t>{"A", U'A'},
                                  {"\xc3\xbc", U'\u00fc'},
                                  {"\xe2\x82\xac", U'\u20ac'},
                                  {"\xf0\x9f\x93\xa6", U'\U0001F4E6'}}) {
    const size_t n = Utf8SequenceLength(text);
    ASSERT_EQ(n, text.size());
    EXPECT_EQ(DecodeUtf8Sequence(text, n), code_point);
  }
}

}  // namespace ordo
