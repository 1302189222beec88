#include "core/utf8.h"

#include <gtest/gtest.h>

namespace ordo {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("PO-42"));
  EXPECT_TRUE(IsValidUtf8("Müller & Söhne"));     // 2-byte
  EXPECT_TRUE(IsValidUtf8("\xE2\x82\xAC 12"));    // euro sign, 3-byte
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x93\xA6"));   // 4-byte
}

TEST(Utf8, RejectsMalformedText) {
  EXPECT_FALSE(IsValidUtf8("PO\xff"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));               // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));           // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));       // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));       // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));   // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\x80"));               // lone continuation
}

}  // namespace
}  // namespace ordo
