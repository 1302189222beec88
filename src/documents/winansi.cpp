#include "documents/winansi.h"

#include <array>
#include <cstdint>

#include "core/utf8.h"

namespace ordo::documents {
namespace {

// The code points of bytes 0x80..0x9F; 0 where WinAnsi assigns none. Bytes 0x20..0x7E and
// 0xA0..0xFF are the code points of the same value.
constexpr std::array<char32_t, 32> kHigh = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

char Encode(char32_t cp) {
  if ((cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<char>(cp);
  for (size_t i = 0; i < kHigh.size(); ++i) {
    if (kHigh[i] != 0 && kHigh[i] == cp) return static_cast<char>(0x80 + i);
  }
  return '?';
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::string Utf8ToWinAnsi(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  while (!utf8.empty()) {
    size_t n = Utf8SequenceLength(utf8);
    if (n == 0) {
      out += '?';
      utf8.remove_prefix(1);
      continue;
    }
    out += Encode(DecodeUtf8Sequence(utf8, n));
    utf8.remove_prefix(n);
  }
  return out;
}

std::string WinAnsiToUtf8(std::string_view winansi) {
  std::string out;
  out.reserve(winansi.size());
  for (char c : winansi) {
    auto b = static_cast<unsigned char>(c);
    char32_t cp = b;
    if (b < 0x20 || b == 0x7F) {
      cp = '?';
    } else if (b >= 0x80 && b <= 0x9F) {
      cp = kHigh[b - 0x80] != 0 ? kHigh[b - 0x80] : U'?';
    }
    AppendUtf8(out, cp);
  }
  return out;
}

}  // namespace ordo::documents
