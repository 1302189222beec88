// RenderPdf: a well-formed, deterministic PDF; long tables continue on new pages under their
// repeated heading with "Page N of M"; a row's detail wraps under it; text the fonts cannot
// show becomes '?'; bad documents are refused.
#include "documents/pdf_renderer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/pdf_text.h"

namespace ordo::documents {
namespace {

using test_support::ExtractPdfText;
using ::testing::HasSubstr;
using ::testing::Not;

PrintedDocument Invoice(int rows) {
  PrintedDocument d;
  d.title = "INVOICE";
  d.number = "IN-000001";
  d.header_fields = {{"Invoice date", "2026-11-24"}, {"Terms", "NET30"}};
  d.addresses = {{"Bill to", {"Acme Hardware", "1 Main St", "Springfield, IL 62701", "US"}}};
  d.table.columns = {
      {"Line", Align::kRight}, {"Description", Align::kLeft, true}, {"Amount", Align::kRight}};
  for (int i = 1; i <= rows; ++i) {
    d.table.rows.push_back({std::to_string(i), "Item " + std::to_string(i), "1.00"});
  }
  d.totals = {{"Subtotal", std::to_string(rows) + ".00"}, {"Total", "99.00", true}};
  d.footer_lines = {"Thank you for your business."};
  return d;
}

// The number of page objects: "/Type /Page" but not "/Type /Pages".
int PageCount(const std::string& pdf) {
  int pages = 0;
  for (size_t at = pdf.find("/Type /Page"); at != std::string::npos;
       at = pdf.find("/Type /Page", at + 1)) {
    if (at + 11 >= pdf.size() || pdf[at + 11] != 's') ++pages;
  }
  return pages;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

int Count(const std::vector<std::string>& lines, const std::string& line) {
  return static_cast<int>(std::count(lines.begin(), lines.end(), line));
}

TEST(PdfRenderer, WritesACompleteDeterministicPdfFile) {
  std::string pdf = RenderPdf(Invoice(3));
  EXPECT_TRUE(pdf.starts_with("%PDF-"));
  std::string end = pdf.substr(pdf.find_last_not_of("\r\n") + 1 - 5);
  EXPECT_TRUE(end.starts_with("%%EOF")) << end;
  EXPECT_EQ(PageCount(pdf), 1);
  EXPECT_EQ(RenderPdf(Invoice(3)), pdf);
  EXPECT_THAT(pdf, Not(HasSubstr("CreationDate")));
  EXPECT_THAT(pdf, Not(HasSubstr("/Filter")));
}

TEST(PdfRenderer, PrintsEveryPartInReadingOrder) {
  std::string text = ExtractPdfText(RenderPdf(Invoice(2)));
  EXPECT_EQ(text,
            "INVOICE\n"
            "IN-000001\n"
            "Invoice date | 2026-11-24\n"
            "Terms | NET30\n"
            "Bill to\n"
            "Acme Hardware\n"
            "1 Main St\n"
            "Springfield, IL 62701\n"
            "US\n"
            "Line | Description | Amount\n"
            "1 | Item 1 | 1.00\n"
            "2 | Item 2 | 1.00\n"
            "Subtotal | 2.00\n"
            "Total | 99.00\n"
            "Thank you for your business.\n"
            "Page 1 of 1\n");
}

TEST(PdfRenderer, LongTablesContinueOnNewPagesUnderTheirHeading) {
  std::string pdf = RenderPdf(Invoice(60));
  EXPECT_EQ(PageCount(pdf), 2);
  auto lines = Lines(ExtractPdfText(pdf));
  EXPECT_EQ(Count(lines, "Line | Description | Amount"), 2);
  EXPECT_EQ(Count(lines, "INVOICE | IN-000001"), 1);  // the second page's heading
  EXPECT_EQ(Count(lines, "Page 1 of 2"), 1);
  EXPECT_EQ(Count(lines, "Page 2 of 2"), 1);
  EXPECT_EQ(lines.back(), "Page 2 of 2");
  // Every row once, in order; page 2 starts with its heading, then the rows continue.
  size_t at = 0;
  for (int i = 1; i <= 60; ++i) {
    auto row = std::find(lines.begin() + at, lines.end(),
                         std::to_string(i) + " | Item " + std::to_string(i) + " | 1.00");
    ASSERT_NE(row, lines.end()) << "row " << i;
    at = row - lines.begin();
  }
  auto page_one_end = std::find(lines.begin(), lines.end(), "Page 1 of 2");
  ASSERT_NE(page_one_end, lines.end());
  EXPECT_EQ(*(page_one_end + 1), "INVOICE | IN-000001");
  EXPECT_EQ(*(page_one_end + 2), "Line | Description | Amount");
  EXPECT_THAT(*(page_one_end + 3), ::testing::EndsWith("| 1.00"));

  // Over many pages, each ends with its number and each later one starts with the heading
  // (and the table's, when rows continue there: the totals may go to a page of their own).
  std::string longer = RenderPdf(Invoice(200));
  const int pages = PageCount(longer);
  EXPECT_GE(pages, 5);
  auto all = Lines(ExtractPdfText(longer));
  auto page_start = all.begin();
  for (int p = 1; p <= pages; ++p) {
    SCOPED_TRACE("page " + std::to_string(p));
    std::string number = "Page " + std::to_string(p) + " of " + std::to_string(pages);
    auto page_end = std::find(page_start, all.end(), number);
    ASSERT_NE(page_end, all.end());
    bool has_rows = std::any_of(page_start, page_end,
                                [](const std::string& l) { return l.ends_with(" | 1.00"); });
    if (p > 1) {
      ASSERT_GE(page_end - page_start, 1);
      EXPECT_EQ(page_start[0], "INVOICE | IN-000001");
      if (has_rows) {
        EXPECT_EQ(page_start[1], "Line | Description | Amount");
      }
    }
    EXPECT_TRUE(has_rows || p == pages);
    page_start = page_end + 1;
  }
  EXPECT_EQ(page_start, all.end());
  EXPECT_EQ(Count(all, "200 | Item 200 | 1.00"), 1);
}

TEST(PdfRenderer, TextOutsideWinAnsiBecomesQuestionMarks) {
  PrintedDocument d = Invoice(1);
  d.number = "IN-日本";
  d.table.rows[0][1] = "Café “deluxe” 😀 Ручка\ttab";
  std::string text;
  ASSERT_NO_THROW(text = ExtractPdfText(RenderPdf(d)));
  EXPECT_THAT(text, HasSubstr("\nIN-??\n"));
  EXPECT_THAT(text, HasSubstr("\n1 | Café “deluxe” ? ?????"
                              "?tab | 1.00\n"));
}

TEST(PdfRenderer, CellsTooWideForTheirColumnAreCut) {
  PrintedDocument d = Invoice(1);
  d.table.rows[0][1] = std::string(400, 'W');
  auto lines = Lines(ExtractPdfText(RenderPdf(d)));
  auto row = std::find_if(lines.begin(), lines.end(),
                          [](const std::string& l) { return l.starts_with("1 | WWW"); });
  ASSERT_NE(row, lines.end());
  EXPECT_THAT(*row, ::testing::EndsWith("W… | 1.00"));
  EXPECT_LT(row->size(), 300u);
}

// A row's detail is printed under it, wrapped at spaces: every word on some line, no line
// wider than the table, and at most kMaxDetailLines lines, the last cut when more is left.
TEST(PdfRenderer, ARowsDetailIsWrappedUnderIt) {
  PrintedDocument d = Invoice(2);
  std::string detail;
  for (int i = 1; i <= 40; ++i) detail += "Question" + std::to_string(i) + ": Answer; ";
  d.table.details = {detail};
  auto lines = Lines(ExtractPdfText(RenderPdf(d)));
  auto row = std::find(lines.begin(), lines.end(), "1 | Item 1 | 1.00");
  ASSERT_NE(row, lines.end());
  std::string wrapped;
  size_t detail_lines = 0;
  for (auto it = row + 1; it != lines.end() && it->starts_with("Question"); ++it) {
    wrapped += *it + " ";
    ++detail_lines;
    EXPECT_LT(it->size(), 160u) << *it;  // about 125 characters fill a line at 8 points
  }
  EXPECT_GT(detail_lines, 1u);
  EXPECT_LE(detail_lines, kMaxDetailLines);
  EXPECT_THAT(wrapped, HasSubstr("Question1: Answer; Question2: Answer;"));
  EXPECT_EQ(*(row + 1 + static_cast<long>(detail_lines)), "2 | Item 2 | 1.00");

  // 40 answers need more lines than a detail has: the last one ends with "…".
  EXPECT_EQ(detail_lines, kMaxDetailLines);
  EXPECT_THAT(*(row + static_cast<long>(detail_lines)), ::testing::EndsWith("…"));

  d.table.details = {"Size: Medium", "", "a third detail for two rows"};
  EXPECT_THROW(RenderPdf(d), std::invalid_argument);
}

TEST(PdfRenderer, AnEmptyDocumentIsOnePage) {
  std::string pdf = RenderPdf(PrintedDocument{});
  EXPECT_EQ(PageCount(pdf), 1);
  EXPECT_EQ(ExtractPdfText(pdf), "Page 1 of 1\n");
}

TEST(PdfRenderer, RefusesDocumentsItCannotLayOut) {
  PrintedDocument three = Invoice(1);
  three.addresses = {{"A", {}}, {"B", {}}, {"C", {}}};
  EXPECT_THROW(RenderPdf(three), std::invalid_argument);
  PrintedDocument ragged = Invoice(1);
  ragged.table.rows.push_back({"2", "short row"});
  EXPECT_THROW(RenderPdf(ragged), std::invalid_argument);
}

}  // namespace
}  // namespace ordo::documents
