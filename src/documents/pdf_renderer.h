// RenderPdf: a PrintedDocument as a PDF file, laid out on US Letter pages with the standard
// Helvetica fonts (libharu).
//
// Layout: the title and number top left, the header fields top right, the address blocks
// side by side, then the table; rows that do not fit continue on a new page whose heading
// repeats the title, the number and the table's column headings. The totals and the footer
// lines follow the last row. Every page ends with "Page N of M".
//
// Text: the fonts are the PDF standard fonts in WinAnsiEncoding, so no font is embedded and
// only WinAnsi characters can be shown (ASCII, Latin-1 and a few typographic marks, see
// winansi.h). Every other character, control characters and malformed UTF-8 are printed as
// '?' rather than failing the document: a packing slip with "?" in a foreign item name is
// better than none.
//
// Output is deterministic: the same document gives the same bytes (no creation date, no file
// id), and the content streams are not compressed, so tests can compare them
// (tests/support/pdf_text.h).
//
// Thread-safety: RenderPdf may be called from several threads at once (each call has its own
// libharu document).
#pragma once

#include <stdexcept>
#include <string>

#include "documents/printed_document.h"

namespace ordo::documents {

// A libharu failure while building or saving a PDF (out of memory, a libharu bug).
class PdfError : public std::runtime_error {
 public:
  PdfError(const std::string& what, unsigned long error, unsigned long detail)
      : std::runtime_error(what), error_(error), detail_(detail) {}
  unsigned long error() const { return error_; }    // libharu's HPDF_* error code
  unsigned long detail() const { return detail_; }  // its detail number

 private:
  unsigned long error_;
  unsigned long detail_;
};

// The bytes of the PDF file for `document`.
// Throws std::invalid_argument for more than two address blocks or a table row whose cell
// count differs from the column count; PdfError when libharu fails.
std::string RenderPdf(const PrintedDocument& document);

}  // namespace ordo::documents
