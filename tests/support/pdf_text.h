// ExtractPdfText: the text a PDF written by documents::RenderPdf shows, for tests (golden
// files). Test code only: built into test targets, never into ordo. Not a general PDF reader.
//
// What it reads: every uncompressed stream without /Type or /Subtype (a page's content
// stream), in file order (RenderPdf writes pages in order). In each, the strings shown by
// Tj, TJ, ' and " (literal strings with every PDF escape, and hex strings), decoded from
// WinAnsiEncoding (the encoding RenderPdf's fonts use) to UTF-8.
//
// What it writes: one line per text object (BT ... ET) that shows something, its strings
// joined by " | " (the strings of one TJ array are one string); each line ends with '\n'.
// RenderPdf draws each printed line (a table row, a header field) as one text object, so a
// table row comes out as "1 | WID-100 | Widget | 10".
//
// Not supported: compressed streams (/Filter), which it refuses, fonts with other encodings,
// inline images, text positions (the order is the drawing order, not the reading order).
#pragma once

#include <string>
#include <string_view>

namespace ordo::test_support {

// Throws std::invalid_argument when `pdf` does not start with "%PDF-", a content stream is
// compressed, a stream's /Length cannot be found or runs past the end, or a content stream
// holds an unterminated string or an inline image.
std::string ExtractPdfText(std::string_view pdf);

}  // namespace ordo::test_support
