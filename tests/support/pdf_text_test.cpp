// ExtractPdfText on small hand-written PDFs: operators, string escapes, lines per text
// object, and what it refuses.
#include "support/pdf_text.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace ordo::test_support {
namespace {

// A minimal PDF holding `content` as one stream with a direct /Length.
std::string Pdf(const std::string& content, const std::string& more_dict = "") {
  return "%PDF-1.3\n1 0 obj\n<<\n/Length " + std::to_string(content.size()) + more_dict +
         "\n>>\nstream\r\n" + content + "\nendstream\nendobj\ntrailer\n<<\n>>\n%%EOF\n";
}

TEST(PdfText, OneLinePerTextObjectWithItsStringsJoined) {
  std::string content =
      "BT /F1 9 Tf 10 10 Td (Order) Tj 50 0 Td (SO-1) Tj ET\n"
      "q 0.9 g 0 0 10 10 re f Q\n"
      "BT (alone) Tj ET BT ET\n"
      "BT [(Ke) -120 (rn) 3 (ed)] TJ (next) ' 1 2 (quoted) \" ET\n";
  EXPECT_EQ(ExtractPdfText(Pdf(content)), "Order | SO-1\nalone\nKerned | next | quoted\n");
}

TEST(PdfText, DecodesStringEscapesAndWinAnsi) {
  std::string content =
      "BT (a\\(b\\)c\\\\d \\101\\351 (nested) x\\\ny) Tj <48 69 2>Tj (\\205\\200) Tj ET";
  EXPECT_EQ(ExtractPdfText(Pdf(content)), "a(b)c\\d Aé (nested) xy | Hi  | …€\n");
}

TEST(PdfText, ReadsIndirectLengths) {
  std::string content = "BT (one) Tj ET";
  std::string pdf = "%PDF-1.3\n4 0 obj\n<<\n/Length 5 0 R\n>>\nstream\n" + content +
                    "\nendstream\nendobj\n5 0 obj\n" + std::to_string(content.size()) +
                    "\nendobj\n%%EOF\n";
  EXPECT_EQ(ExtractPdfText(pdf), "one\n");
}

TEST(PdfText, SkipsStreamsThatAreNotPageContents) {
  std::string pdf = Pdf("BT (font data) Tj ET", "\n/Subtype /Type1C") +
                    Pdf("BT (page) Tj ET").substr(9);  // a second object, without the header
  EXPECT_EQ(ExtractPdfText(pdf), "page\n");
}

TEST(PdfText, RefusesWhatItCannotRead) {
  EXPECT_THROW(ExtractPdfText("not a pdf"), std::invalid_argument);
  EXPECT_THROW(ExtractPdfText(Pdf("x\x9c", "\n/Filter /FlateDecode")), std::invalid_argument);
  EXPECT_THROW(ExtractPdfText(Pdf("BT (open Tj ET")), std::invalid_argument);
  EXPECT_THROW(ExtractPdfText(Pdf("BI /W 1 ID x EI")), std::invalid_argument);
  std::string truncated = Pdf("BT (x) Tj ET");
  EXPECT_THROW(ExtractPdfText(truncated.substr(0, truncated.find("stream") + 10)),
               std::invalid_argument);
}

}  // namespace
}  // namespace ordo::test_support
