// UTF-8 validity: text from files and command lines is checked before it is stored, so every
// document can always be written back out as JSON.
#pragma once

#include <string_view>

namespace ordo {

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool IsValidUtf8(std::string_view text);

// The length of the well-formed UTF-8 sequence at the start of `text`, or 0 when it is not one.
size_t Utf8SequenceLength(std::string_view text);

// The code point of the well-formed sequence of `n` bytes at the start of `text`, where `n` is
// what Utf8SequenceLength() returned for it (1 to 4).
char32_t DecodeUtf8Sequence(std::string_view text, size_t n);

}  // namespace ordo
