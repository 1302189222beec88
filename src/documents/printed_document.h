// PrintedDocument: what a printed business document says, without saying how it looks.
//
// Any module (or flow) fills one for a packing slip, an invoice, a credit memo, a statement;
// documents::RenderPdf (pdf_renderer.h) lays it out on Letter pages. The description holds
// only text: money, quantities and dates arrive already formatted ("1234.50", "12",
// "2026-11-24"), so the renderer does no arithmetic and never rounds. Text is UTF-8; what the
// PDF fonts cannot show is printed as '?' (see pdf_renderer.h).
//
// The printed page, top to bottom:
//
//   TITLE                                   label  value      <- header_fields
//   number                                  label  value
//
//   Heading 1            Heading 2                             <- addresses (at most two)
//   line                 line
//
//   Col A   Col B                 Col C                        <- table (repeats its heading
//   ...                                                           on every page it spans)
//                                   label  value               <- totals, right-aligned
//   footer line                                                <- footer_lines
//                                                 Page 1 of 1  <- on every page
//
// A plain value; copy it freely. Not synchronized.
//
// Example (an invoice):
//   PrintedDocument d;
//   d.title = "INVOICE";
//   d.number = "IN-000042";
//   d.header_fields = {{"Invoice date", "2026-11-24"}, {"Order", "SO-000017"},
//                      {"PO", "4711"}, {"Terms", "NET30"}, {"Due date", "2026-12-24"}};
//   d.addresses = {{"Bill to", {"Acme Hardware", "1 Main St", "Springfield, IL 62701", "US"}},
//                  {"Ship to", {...}}};
//   d.table.columns = {{"Line", Align::kRight}, {"SKU"}, {"Description", Align::kLeft, true},
//                      {"Qty", Align::kRight}, {"Unit price", Align::kRight},
//                      {"Amount", Align::kRight}};
//   d.table.rows = {{"1", "WID-100", "Widget, blue", "10", "2.50", "25.00"}};
//   d.totals = {{"Subtotal", "25.00"}, {"Tax", "0.00"}, {"Total", "25.00", true}};
//   d.footer_lines = {"Thank you for your business."};
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace ordo::documents {

// A label and its value: a header field ("Order", "SO-000017").
struct Field {
  std::string label;
  std::string value;
};

// An address block: a heading ("Ship to", "Bill to", "From") over its lines, printed as given
// (the caller decides what a line holds: name, street, "City, ST 12345", country).
struct AddressBlock {
  std::string heading;
  std::vector<std::string> lines;
};

enum class Align { kLeft, kRight };

struct TableColumn {
  std::string heading;
  // Text columns align left; numbers and money align right.
  Align align = Align::kLeft;
  // Every column is as wide as its widest cell (or its heading). Stretch columns (typically
  // the description) share the width that is left over; when no column stretches, every
  // column grows in proportion. A left-aligned column that does not stretch is at most a
  // quarter of the table's width, so that a long code cannot push the figures out. When the
  // natural widths do not fit the page, stretch columns shrink first; a cell too wide for its
  // column is cut and ends with "…".
  bool stretch = false;
};

// The document's lines. Each row holds exactly one cell per column (RenderPdf throws
// std::invalid_argument otherwise). A cell is one line of text: empty cells print nothing.
// Rows that do not fit on a page continue on the next one, under the repeated heading.
//
// A row may have a detail: text that no cell can hold (a configured line's answers), printed
// under the row in smaller type from the second column to the table's right edge, wrapped at
// spaces onto as many lines as it needs (at most kMaxDetailLines; what is left after them is
// cut and ends with "…"). details[i] is rows[i]'s; an empty or missing one prints nothing.
// RenderPdf throws std::invalid_argument when there are more details than rows.
inline constexpr size_t kMaxDetailLines = 6;

struct Table {
  std::vector<TableColumn> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> details;
};

// A line under the table, label and value right-aligned ("Subtotal", "25.00").
struct Total {
  std::string label;
  std::string value;
  bool emphasis = false;  // printed bold, with a rule above: the grand total
};

struct PrintedDocument {
  std::string title;   // "PACKING SLIP", "INVOICE", "CREDIT MEMO": top left, large
  std::string number;  // "SH-000001": under the title, and in every later page's heading
  // Top right, in this order: dates, references, carrier, terms...
  std::vector<Field> header_fields;
  // At most two (RenderPdf throws std::invalid_argument otherwise), side by side.
  std::vector<AddressBlock> addresses;
  Table table;
  std::vector<Total> totals;
  // Free text after the totals on the last page: remit-to, notes, thanks.
  std::vector<std::string> footer_lines;
};

}  // namespace ordo::documents
