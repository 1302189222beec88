// WinAnsiEncoding (Windows code page 1252, as PDF defines it): the one-byte encoding of the
// standard Helvetica fonts RenderPdf uses. It covers ASCII, Latin-1 (é, ß, ñ, ©, °) and a few
// typographic characters (€, “ ”, ‘ ’, –, —, …, •, ™, Š, Œ, Ÿ); nothing else.
//
// Internal to the documents module: pdf_renderer.cpp encodes what it shows; the tests' PDF
// text extraction (tests/support/pdf_text.cpp) decodes what it extracts.
#pragma once

#include <string>
#include <string_view>

namespace ordo::documents {

// `utf8` in WinAnsiEncoding. Every code point WinAnsi cannot show becomes '?': characters
// outside it (CJK, emoji, combining accents), control characters (tab and newline included,
// as a cell is one line) and every byte of malformed UTF-8.
std::string Utf8ToWinAnsi(std::string_view utf8);

// WinAnsiEncoding text back in UTF-8. The five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D)
// and control bytes, which Utf8ToWinAnsi never writes, become '?'.
std::string WinAnsiToUtf8(std::string_view winansi);

}  // namespace ordo::documents
