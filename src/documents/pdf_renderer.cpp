#include "documents/pdf_renderer.h"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "documents/column_widths.h"
#include "documents/hpdf_document.h"
#include "documents/winansi.h"

namespace ordo::documents {
namespace {

// US Letter in points (1/72 inch), with three-quarter-inch margins.
constexpr float kPageWidth = 612;
constexpr float kPageHeight = 792;
constexpr float kLeft = 54;
constexpr float kRight = kPageWidth - 54;
constexpr float kTop = kPageHeight - 54;
constexpr float kWidth = kRight - kLeft;
constexpr float kBottom = 60;       // content stays above this line
constexpr float kPageNumberY = 36;  // baseline of "Page N of M"
constexpr float kFieldsLeft = 336;  // the header fields' block, top right
constexpr float kCellPad = 4;       // inside a table cell, left and right
constexpr float kHeadingRow = 18;   // the table heading's band
constexpr float kRow = 15;          // a table row
constexpr float kDetailSize = 8;    // a row's detail (Table::details)
constexpr float kDetailLine = 10;   // each line of a row's detail
constexpr float kTextSize = 9;      // table, fields, totals, footer

// Text is measured on this many characters at most. No Helvetica glyph in WinAnsi is narrower
// than 0.19 em, so at the smallest size printed (8 points) so many characters are wider
// (3,100 points) than any line of the page: a longer text is cut from this prefix alone. Any
// text a database row may hold (old rows may exceed today's field limits) is thus measured in
// bounded time and never passes libharu's 65,535 bytes per string (HPDF_STRING_OUT_OF_RANGE).
constexpr size_t kMeasuredPrefix = 2048;
// The widest a text column that does not stretch gets (a SKU, a unit of measure): a long code
// is cut to it, so that the figures beside it keep their room.
constexpr float kMaxTextColumn = kWidth / 4;

// One piece of text on a line: where it starts, in which font and size.
struct TextRun {
  float x = 0;
  HPDF_Font font = nullptr;
  float size = kTextSize;
  std::string text;  // WinAnsi
};

// The document with every string in WinAnsi (see winansi.h), checked.
PrintedDocument Encoded(const PrintedDocument& d) {
  if (d.addresses.size() > 2) {
    throw std::invalid_argument("a printed document has at most two address blocks");
  }
  for (size_t i = 0; i < d.table.rows.size(); ++i) {
    if (d.table.rows[i].size() != d.table.columns.size()) {
      throw std::invalid_argument("table row " + std::to_string(i) + " has " +
                                  std::to_string(d.table.rows[i].size()) + " cells for " +
                                  std::to_string(d.table.columns.size()) + " columns");
    }
  }
  if (d.table.details.size() > d.table.rows.size()) {
    throw std::invalid_argument("the table has " + std::to_string(d.table.details.size()) +
                                " details for " + std::to_string(d.table.rows.size()) + " rows");
  }
  PrintedDocument e = d;
  auto enc = [](std::string& s) { s = Utf8ToWinAnsi(s); };
  enc(e.title);
  enc(e.number);
  for (Field& f : e.header_fields) enc(f.label), enc(f.value);
  for (AddressBlock& a : e.addresses) {
    enc(a.heading);
    for (std::string& line : a.lines) enc(line);
  }
  for (TableColumn& c : e.table.columns) enc(c.heading);
  for (auto& row : e.table.rows) {
    for (std::string& cell : row) enc(cell);
  }
  for (std::string& detail : e.table.details) enc(detail);
  for (Total& t : e.totals) enc(t.label), enc(t.value);
  for (std::string& line : e.footer_lines) enc(line);
  return e;
}

// Lays the document out page by page. TextRun once without drawing to count the pages, then
// again to draw them with "Page N of M": both runs take the same decisions.
class Layout {
 public:
  Layout(const HpdfDocument& pdf, const PrintedDocument& d, bool draw, int page_count)
      : pdf_(pdf), d_(d), draw_(draw), page_count_(page_count) {
    regular_ = pdf_.Check(HPDF_GetFont(pdf_.get(), "Helvetica", "WinAnsiEncoding"));
    bold_ = pdf_.Check(HPDF_GetFont(pdf_.get(), "Helvetica-Bold", "WinAnsiEncoding"));
    PlanColumns();
  }

  // Lays out (and draws) every page; returns how many there are.
  int LayOut() {
    NewPage();
    FirstPageHeading();
    if (!d_.table.columns.empty()) {
      y_ -= 18;
      EnsureSpace(kHeadingRow + kRow);
      TableHeading();
      for (size_t i = 0; i < d_.table.rows.size(); ++i) {
        const std::vector<std::string> detail = DetailLines(i);
        if (y_ - kRow - kDetailLine * static_cast<float>(detail.size()) < kBottom) {
          NextPage();
          TableHeading();
        }
        TableRow(d_.table.rows[i], detail);
      }
    }
    Totals();
    if (!d_.footer_lines.empty()) y_ -= 14;
    for (const std::string& line : d_.footer_lines) {
      EnsureSpace(12);
      Line(y_ - 9, {Text(kLeft, regular_, kTextSize, line, kWidth)});
      y_ -= 12;
    }
    FinishPage();
    return page_;
  }

 private:
  // The width of `text` in points; of its first kMeasuredPrefix characters when longer.
  float Width(HPDF_Font font, float size, std::string_view text) const {
    text = text.substr(0, kMeasuredPrefix);
    if (text.empty()) return 0;
    HPDF_TextWidth w = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                           static_cast<HPDF_UINT>(text.size()));
    return static_cast<float>(w.width) * size / 1000.0f;
  }

  // `text`, cut to `width` points with a trailing ellipsis (WinAnsi 0x85) when too wide: the
  // longest prefix that fits with the ellipsis, found by bisection (a prefix is never wider
  // than the text it starts). Widths are sums of floats: a hundredth of a point of slack
  // keeps a text that was measured to fit from being cut by rounding.
  std::string Fit(HPDF_Font font, float size, const std::string& text, float width) const {
    width += 0.01f;
    if (text.size() <= kMeasuredPrefix && Width(font, size, text) <= width) return text;
    const std::string ellipsis = "\x85";
    size_t fits = 0;  // the longest prefix known to fit with the ellipsis
    size_t too_wide = std::min(text.size(), kMeasuredPrefix) + 1;  // the shortest known not to
    while (too_wide - fits > 1) {
      const size_t mid = fits + (too_wide - fits) / 2;
      if (Width(font, size, text.substr(0, mid) + ellipsis) <= width) {
        fits = mid;
      } else {
        too_wide = mid;
      }
    }
    return text.substr(0, fits) + ellipsis;
  }

  // `text` in lines of at most `width` points, broken at spaces, at most `max_lines` of them;
  // the last line (or a word wider than a line) is cut with Fit.
  std::vector<std::string> Wrap(HPDF_Font font, float size, std::string_view text, float width,
                                size_t max_lines) const {
    std::vector<std::string> lines;
    std::string rest(text.substr(0, kMeasuredPrefix));
    while (lines.size() < max_lines) {
      rest.erase(0, rest.find_first_not_of(' '));
      if (rest.empty()) break;
      size_t cut = std::string::npos;  // the last space before which the text fits
      if (lines.size() + 1 < max_lines && Width(font, size, rest) > width + 0.01f) {
        for (size_t at = rest.find(' '); at != std::string::npos; at = rest.find(' ', at + 1)) {
          if (Width(font, size, std::string_view(rest).substr(0, at)) > width + 0.01f) break;
          cut = at;
        }
      }
      if (cut == std::string::npos) {
        lines.push_back(Fit(font, size, rest, width));
        break;
      }
      lines.push_back(rest.substr(0, cut));
      rest.erase(0, cut);
    }
    return lines;
  }

  // The lines of row `i`'s detail, in the width from the second column to the table's edge.
  std::vector<std::string> DetailLines(size_t i) const {
    if (i >= d_.table.details.size() || d_.table.details[i].empty()) return {};
    return Wrap(regular_, kDetailSize, d_.table.details[i], DetailRight() - DetailLeft(),
                kMaxDetailLines);
  }
  float DetailLeft() const { return kLeft + (widths_.empty() ? 0 : widths_[0]) + kCellPad; }
  static float DetailRight() { return kRight - kCellPad; }

  TextRun Text(float x, HPDF_Font font, float size, const std::string& text, float width) const {
    return {x, font, size, Fit(font, size, text, width)};
  }
  // A run that ends at `right`.
  TextRun RightAligned(float right, HPDF_Font font, float size, const std::string& text,
                       float width) const {
    std::string fitted = Fit(font, size, text, width);
    return {right - Width(font, size, fitted), font, size, fitted};
  }

  // One text object per line, so that ExtractPdfText gives one line of text per printed line.
  void Line(float baseline, const std::vector<TextRun>& runs) const {
    if (!draw_) return;
    bool any =
        std::any_of(runs.begin(), runs.end(), [](const TextRun& r) { return !r.text.empty(); });
    if (!any) return;
    pdf_.Check(HPDF_Page_BeginText(page_handle_));
    for (const TextRun& r : runs) {
      if (r.text.empty()) continue;
      pdf_.Check(HPDF_Page_SetFontAndSize(page_handle_, r.font, r.size));
      pdf_.Check(HPDF_Page_TextOut(page_handle_, r.x, baseline, r.text.c_str()));
    }
    pdf_.Check(HPDF_Page_EndText(page_handle_));
  }

  void Rule(float y, float x0, float x1, float gray, float width) const {
    if (!draw_) return;
    pdf_.Check(HPDF_Page_SetGrayStroke(page_handle_, gray));
    pdf_.Check(HPDF_Page_SetLineWidth(page_handle_, width));
    pdf_.Check(HPDF_Page_MoveTo(page_handle_, x0, y));
    pdf_.Check(HPDF_Page_LineTo(page_handle_, x1, y));
    pdf_.Check(HPDF_Page_Stroke(page_handle_));
  }

  void NewPage() {
    ++page_;
    y_ = kTop;
    if (!draw_) return;
    page_handle_ = pdf_.Check(HPDF_AddPage(pdf_.get()));
    pdf_.Check(HPDF_Page_SetSize(page_handle_, HPDF_PAGE_SIZE_LETTER, HPDF_PAGE_PORTRAIT));
  }

  void FinishPage() const {
    std::string text = "Page " + std::to_string(page_) + " of " + std::to_string(page_count_);
    Line(kPageNumberY, {RightAligned(kRight, regular_, 8, text, kWidth)});
  }

  // A later page: the title and number again, small.
  void NextPage() {
    FinishPage();
    NewPage();
    TextRun title = Text(kLeft, bold_, 12, d_.title, kWidth / 2);
    float after = kLeft + Width(bold_, 12, title.text) + (title.text.empty() ? 0 : 8);
    Line(y_ - 12, {title, Text(after, regular_, 12, d_.number, kRight - after)});
    y_ -= 30;
  }

  void EnsureSpace(float height) {
    if (y_ - height < kBottom) NextPage();
  }

  void FirstPageHeading() {
    const float title_width = kFieldsLeft - kLeft - 12;
    Line(kTop - 20, {Text(kLeft, bold_, 20, d_.title, title_width)});
    Line(kTop - 40, {Text(kLeft, regular_, 12, d_.number, title_width)});
    float left_bottom = kTop - 48;

    float label_width = 0;
    for (const Field& f : d_.header_fields) {
      label_width = std::max(label_width, Width(bold_, kTextSize, f.label));
    }
    label_width = std::min(label_width + 10, 110.0f);
    float baseline = kTop - 9;
    for (const Field& f : d_.header_fields) {
      Line(baseline, {Text(kFieldsLeft, bold_, kTextSize, f.label, label_width - 10),
                      Text(kFieldsLeft + label_width, regular_, kTextSize, f.value,
                           kRight - kFieldsLeft - label_width)});
      baseline -= 13;
    }
    y_ = std::min(left_bottom, baseline + 8);

    if (d_.addresses.empty()) return;
    y_ -= 18;
    size_t most_lines = 0;
    for (size_t i = 0; i < d_.addresses.size(); ++i) {
      const AddressBlock& a = d_.addresses[i];
      float x = kLeft + static_cast<float>(i) * (kWidth / 2);
      float width = kWidth / 2 - 12;
      Line(y_ - 9, {Text(x, bold_, kTextSize, a.heading, width)});
      float line_y = y_ - 9 - 14;
      for (const std::string& line : a.lines) {
        Line(line_y, {Text(x, regular_, 10, line, width)});
        line_y -= 13;
      }
      most_lines = std::max(most_lines, a.lines.size());
    }
    y_ -= 9 + 5 + 13 * static_cast<float>(most_lines);
  }

  void PlanColumns() {
    std::vector<ColumnNeed> needs;
    for (size_t c = 0; c < d_.table.columns.size(); ++c) {
      float natural = Width(bold_, kTextSize, d_.table.columns[c].heading);
      for (const auto& row : d_.table.rows) {
        natural = std::max(natural, Width(regular_, kTextSize, row[c]));
      }
      natural += 2 * kCellPad;
      const TableColumn& column = d_.table.columns[c];
      if (column.align == Align::kLeft && !column.stretch) {
        natural = std::min(natural, kMaxTextColumn);
      }
      needs.push_back({natural, column.stretch});
    }
    widths_ = ColumnWidths(needs, kWidth);
  }

  // The runs of a table line: each cell fitted into its column and aligned in it.
  std::vector<TextRun> Cells(const std::vector<std::string>& cells, HPDF_Font font) const {
    std::vector<TextRun> runs;
    float x = kLeft;
    for (size_t c = 0; c < cells.size(); ++c) {
      float inner = std::max(widths_[c] - 2 * kCellPad, 0.0f);
      if (d_.table.columns[c].align == Align::kRight) {
        runs.push_back(RightAligned(x + widths_[c] - kCellPad, font, kTextSize, cells[c], inner));
      } else {
        runs.push_back(Text(x + kCellPad, font, kTextSize, cells[c], inner));
      }
      x += widths_[c];
    }
    return runs;
  }

  void TableHeading() {
    if (draw_) {
      pdf_.Check(HPDF_Page_SetGrayFill(page_handle_, 0.9f));
      pdf_.Check(HPDF_Page_Rectangle(page_handle_, kLeft, y_ - kHeadingRow, kWidth, kHeadingRow));
      pdf_.Check(HPDF_Page_Fill(page_handle_));
      pdf_.Check(HPDF_Page_SetGrayFill(page_handle_, 0));
    }
    std::vector<std::string> headings;
    for (const TableColumn& c : d_.table.columns) headings.push_back(c.heading);
    Line(y_ - 12.5f, Cells(headings, bold_));
    y_ -= kHeadingRow;
  }

  void TableRow(const std::vector<std::string>& row, const std::vector<std::string>& detail) {
    Line(y_ - 10.5f, Cells(row, regular_));
    float baseline = y_ - kRow - 5;
    for (const std::string& line : detail) {
      Line(baseline, {TextRun{DetailLeft(), regular_, kDetailSize, line}});
      baseline -= kDetailLine;
    }
    const float height = kRow + kDetailLine * static_cast<float>(detail.size());
    Rule(y_ - height, kLeft, kRight, 0.8f, 0.25f);
    y_ -= height;
  }

  // Labels right-aligned against one column of values, itself right-aligned with the table.
  void Totals() {
    if (d_.totals.empty()) return;
    y_ -= 6;
    float value_width = 0;
    for (const Total& t : d_.totals) {
      value_width = std::max(value_width, Width(t.emphasis ? bold_ : regular_, 10, t.value));
    }
    value_width = std::min(value_width, kWidth / 3);
    const float value_right = kRight - kCellPad;
    const float label_right = value_right - value_width - 16;
    for (const Total& t : d_.totals) {
      EnsureSpace(kRow);
      HPDF_Font font = t.emphasis ? bold_ : regular_;
      float size = t.emphasis ? 10 : kTextSize;
      if (t.emphasis) Rule(y_ - 1, label_right - 100, kRight, 0, 0.75f);
      Line(y_ - 11, {RightAligned(label_right, bold_, size, t.label, label_right - kLeft),
                     RightAligned(value_right, font, size, t.value, value_width)});
      y_ -= kRow;
    }
  }

  const HpdfDocument& pdf_;
  const PrintedDocument& d_;
  const bool draw_;
  const int page_count_;
  HPDF_Font regular_ = nullptr;
  HPDF_Font bold_ = nullptr;
  std::vector<float> widths_;
  HPDF_Page page_handle_ = nullptr;
  int page_ = 0;
  float y_ = kTop;  // the top of the space left on the page
};

}  // namespace

std::string RenderPdf(const PrintedDocument& document) {
  const PrintedDocument d = Encoded(document);
  HpdfDocument pdf;
  // Uncompressed content streams: the text stays readable in the file, for ExtractPdfText and
  // golden-file tests, and a one-page business document is small anyway.
  pdf.Check(HPDF_SetCompressionMode(pdf.get(), HPDF_COMP_NONE));
  // Info holds the title and creator only. No creation or modification date: the same
  // document must give the same bytes (libharu writes no file id without encryption).
  std::string title = d.title + (d.number.empty() ? "" : " " + d.number);
  pdf.Check(HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_TITLE, title.c_str()));
  pdf.Check(HPDF_SetInfoAttr(pdf.get(), HPDF_INFO_CREATOR, "Ordo"));

  int pages = Layout(pdf, d, /*draw=*/false, 0).LayOut();
  Layout(pdf, d, /*draw=*/true, pages).LayOut();
  return pdf.Save();
}

}  // namespace ordo::documents
