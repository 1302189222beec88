// WinAnsi: what the PDF fonts can show survives the round trip; everything else is '?'.
#include "documents/winansi.h"

#include <gtest/gtest.h>

namespace ordo::documents {
namespace {

TEST(WinAnsi, AsciiLatin1AndTypographicMarksRoundTrip) {
  const std::string text = "Crème brûlée, 5 € — “quoted” ‘single’ … • ™ © ° ß Š Œ Ÿ ž";
  std::string encoded = Utf8ToWinAnsi(text);
  EXPECT_EQ(encoded.size(), 57u);  // one byte per character
  EXPECT_EQ(encoded.substr(0, 5), "Cr\xE8me");
  EXPECT_EQ(WinAnsiToUtf8(encoded), text);
}

TEST(WinAnsi, WhatItCannotShowBecomesAQuestionMark) {
  EXPECT_EQ(Utf8ToWinAnsi("日本 ok"), "?? ok");
  EXPECT_EQ(Utf8ToWinAnsi("\xF0\x9F\x98\x80!"), "?!");           // an emoji: one character, one '?'
  EXPECT_EQ(Utf8ToWinAnsi("a\tb\nc"), "a?b?c");                  // a cell is one line
  EXPECT_EQ(Utf8ToWinAnsi("bad \xFF\xC3 utf8"), "bad ?? utf8");  // every malformed byte
  EXPECT_EQ(Utf8ToWinAnsi("e\xCC\x81"), "e?");                   // a combining accent
  EXPECT_EQ(WinAnsiToUtf8("\x81\x01x"), "??x");
}

}  // namespace
}  // namespace ordo::documents
