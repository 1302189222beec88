// The printed credit memo of a memo built in memory: its PDF's text against the golden file
// (exact), and the settlement lines once something was applied or refunded.
#include "flows/credit_memo_document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "documents/golden.h"
#include "documents/pdf_renderer.h"
#include "support/pdf_text.h"

namespace ordo::flows {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Money M(std::string_view text) {
  return Money::Parse(text).value();
}

// CM-000003 for RA-000002 of SO-000017 against IN-000007 (Acme, NY): two lines.
CreditMemoDocumentSource Source() {
  CreditMemoDocumentSource src;
  src.customer.id = CustomerId(3);
  src.customer.code = "C-1001";
  src.customer.name = "Acme Hardware Supply";
  src.customer.bill_to = {"PO Box 77", "Albany", "NY", "12201", "US"};
  catalog::Item widget;
  widget.sku = "WID-100";
  widget.name = "Widget, blue (steel)";
  catalog::Item food;
  food.sku = "FOOD-1";
  food.name = "Trail mix, 1 kg";
  src.items = {{"WID-100", widget}, {"FOOD-1", food}};

  invoicing::CreditMemo& m = src.memo;
  m.id = invoicing::CreditMemoId(3);
  m.number = "CM-000003";
  m.customer = src.customer.id;
  m.customer_code = "C-1001";
  m.return_id = 2;
  m.return_number = "RA-000002";
  m.order_number = "SO-000017";
  m.invoice = invoicing::InvoiceId(7);
  m.invoice_number = "IN-000007";
  m.memo_date = *ParseDate("2026-12-01");
  invoicing::CreditMemoLine widgets;
  widgets.line_no = 1;
  widgets.order_line_no = 1;
  widgets.sku = "WID-100";
  widgets.invoice_number = "IN-000007";
  widgets.invoice_line_no = 1;
  widgets.quantity = 2;
  widgets.unit_price = M("10.00");
  widgets.extended_amount = M("20.00");
  widgets.tax_rate_ppm = 88750;
  widgets.tax_amount = M("1.78");
  invoicing::CreditMemoLine mix = widgets;
  mix.line_no = 2;
  mix.order_line_no = 2;
  mix.sku = "FOOD-1";
  mix.invoice_line_no = 2;
  mix.quantity = 3;
  mix.unit_price = M("2.1250");
  mix.extended_amount = M("6.38");
  mix.tax_rate_ppm = 0;
  mix.tax_amount = M("0");
  m.lines = {widgets, mix};
  m.subtotal = M("26.38");
  m.tax = M("1.78");
  m.total = M("28.16");
  return src;
}

std::string Text(const CreditMemoDocumentSource& src) {
  return test_support::ExtractPdfText(documents::RenderPdf(CreditMemoDocument(src)));
}

TEST(CreditMemoDocument, OpenMemoMatchesTheGoldenText) {
  test_support::ExpectMatchesGolden("credit_memo.txt", Text(Source()));
}

TEST(CreditMemoDocument, SettlementShowsWhatIsLeft) {
  CreditMemoDocumentSource src = Source();
  EXPECT_THAT(Text(src), Not(HasSubstr("Balance")));
  src.memo.amount_applied = M("20.00");
  src.memo.amount_refunded = M("5.00");
  std::string text = Text(src);
  EXPECT_THAT(text, HasSubstr("Applied | 20.00"));
  EXPECT_THAT(text, HasSubstr("Refunded | 5.00"));
  EXPECT_THAT(text, HasSubstr("Balance USD | 3.16"));
}

TEST(CreditMemoDocument, AMemoWithoutAnInvoiceLeavesTheFieldOut) {
  CreditMemoDocumentSource src = Source();
  src.memo.invoice.reset();
  EXPECT_THAT(Text(src), Not(HasSubstr("Invoice | IN-000007")));
}

}  // namespace
}  // namespace ordo::flows
